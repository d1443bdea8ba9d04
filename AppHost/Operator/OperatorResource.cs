namespace AppHost.Operator;

/// <summary>
/// The autoscaler (src/Operator) as a host process: <c>run --kubeconfig</c> against the <c>kubernetes</c> resource,
/// its metrics adapter registering its own APIService so the control plane's HPA controller reaches it.
/// </summary>
public sealed class OperatorResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory)
{
    internal const string MetricsEndpointName = "metrics";
    internal const string HealthEndpointName = "health";

    private EndpointReference? _metrics;

    /// <summary><c>/metrics</c> and <c>/decisions/{namespace}/{name}</c>.</summary>
    public EndpointReference MetricsEndpoint => _metrics ??= new(this, MetricsEndpointName);

    /// <summary>The built operator assembly (<c>keda-dotnet-operator.dll</c>), also used for <c>explain</c>.</summary>
    internal string Assembly { get; init; } = "";

    /// <summary>The kubeconfig the operator and <c>explain</c> use.</summary>
    internal string Kubeconfig { get; init; } = "";
}
