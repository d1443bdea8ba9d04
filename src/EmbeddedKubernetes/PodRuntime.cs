namespace EmbeddedKubernetes;

/// <summary>How the built-in workload controllers realise pods.</summary>
public enum PodRuntime
{
    /// <summary>Pods are API objects only; their status is simulated.</summary>
    Stub,

    /// <summary>Each pod's container runs as a local process.</summary>
    Process,
}
