namespace Operator.Cli;

/// <summary>Names and descriptions the help text shows.</summary>
internal static class OperatorCliText
{
    public const string ExecutableName = "keda-dotnet-operator";

    public const string Description = "keda-dotnet-operator: a KEDA-compatible event-driven autoscaler.";

    public const string KubeconfigForValidate =
        "Check references (scale targets, TriggerAuthentications, Secrets, ConfigMaps) against this cluster's objects; without it they are checked against the input only.";

    public const string KubeconfigForCluster = "The kubeconfig file (default: in-cluster service account, else KUBECONFIG or ~/.kube/config).";
}
