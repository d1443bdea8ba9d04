namespace Operator.Cli;

/// <summary>Options of <c>validate</c>.</summary>
internal sealed record ValidateOptions
{
    /// <summary><c>text</c> (default) or <c>json</c>.</summary>
    public string Output { get; init; } = "text";

    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>When set, references are checked against this cluster's objects instead of the input only.</summary>
    public string? Kubeconfig { get; init; }

    public string? Context { get; init; }

    /// <summary>Namespace where ClusterTriggerAuthentication secrets are read (KEDA's <c>KEDA_CLUSTER_OBJECT_NAMESPACE</c>).</summary>
    public string ClusterObjectNamespace { get; init; } = Manifests.ManifestKinds.DefaultClusterObjectNamespace;
}
