using k8s.Models;

namespace Operator.Validation;

/// <summary>What the objects at hand say about a scale target's pod template.</summary>
public abstract record WorkloadLookup
{
    private WorkloadLookup()
    {
    }

    /// <summary>The workload exists; its pod template spec.</summary>
    public sealed record Found(V1PodSpec PodSpec) : WorkloadLookup;

    /// <summary>The workload does not exist (KEDA rejects cpu/memory triggers then).</summary>
    public sealed record NotFound : WorkloadLookup;

    /// <summary>Not knowable here (e.g. an offline check without the workload manifest); checks needing it are skipped.</summary>
    public sealed record Unknown : WorkloadLookup;
}
