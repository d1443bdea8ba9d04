using AppHost.Connections;
using Microsoft.Extensions.Configuration;

namespace AppHost.Kubernetes;

/// <summary>
/// What the AppHost does to a cluster once it serves, whichever profile runs it: manifests applied in order with
/// their Secret/ConfigMap keys set to running values, and environment every pod gets.
/// </summary>
internal sealed class ClusterSetup
{
    /// <summary>Manifest files or folders applied, in order, before the cluster reports healthy.</summary>
    public List<string> Manifests { get; } = [];

    /// <summary>Secret/ConfigMap keys of the manifests set to running values before they are applied.</summary>
    public List<ClusterValue> Values { get; } = [];

    /// <summary>Environment every pod gets (connection strings, OTLP, sample settings); the pod's own env still wins.</summary>
    public Dictionary<string, ReferenceExpression> PodEnvironment { get; } = new(StringComparer.Ordinal);

    /// <summary>True once the cluster serves and every manifest is applied.</summary>
    public bool IsReady { get; set; }

    /// <summary>
    /// The address the cluster reaches host processes on (the operator's metrics adapter binds to it); null when the
    /// cluster runs on the host itself.
    /// </summary>
    public string? HostAddress { get; set; }

    /// <summary>
    /// What every pod gets: the dashboard's OTLP settings for <paramref name="otlpEndpoint"/> (the address pods reach it
    /// on; none when null or empty) and <see cref="PodEnvironment"/> resolved, which wins over them.
    /// </summary>
    public async Task<Dictionary<string, string>> ResolvePodEnvironmentAsync(string? otlpEndpoint, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var environment = string.IsNullOrEmpty(otlpEndpoint)
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : PodTelemetry.Environment(otlpEndpoint, configuration);
        foreach (var (name, expression) in PodEnvironment)
        {
            environment[name] = await expression.GetValueAsync(cancellationToken) ?? "";
        }

        return environment;
    }

    /// <summary>
    /// Resolves <see cref="Values"/> for <see cref="ManifestApplier"/>; <paramref name="podEnvironment"/> is what the
    /// manifests' Deployments get (empty when the cluster's pod runtime gives every pod its environment itself).
    /// </summary>
    public async Task<ManifestValues> ResolveAsync(IReadOnlyDictionary<string, string> podEnvironment, CancellationToken cancellationToken)
    {
        var keys = new List<(ClusterValue, string)>();
        foreach (var value in Values)
        {
            keys.Add((value, await value.Value.GetValueAsync(cancellationToken) ?? ""));
        }

        return new ManifestValues(keys, podEnvironment);
    }
}
