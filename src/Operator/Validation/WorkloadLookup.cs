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

    /// <summary>
    /// The pod template of an <c>apps/v1</c> Deployment or StatefulSet found through <paramref name="objects"/>'
    /// Find methods; <see cref="NotFound"/> for any other kind or a missing workload,
    /// <see cref="Unknown"/> when it is absent from a partial view (<see cref="Resolution.IObjectsAtHand.AbsentMeansMissing"/>).
    /// </summary>
    public static WorkloadLookup Of(Resolution.IObjectsAtHand objects, string @namespace, string gvkString, string name)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var podSpec = gvkString switch
        {
            "apps/v1.Deployment" => objects.FindDeployment(@namespace, name)?.Spec?.Template?.Spec,
            "apps/v1.StatefulSet" => objects.FindStatefulSet(@namespace, name)?.Spec?.Template?.Spec,
            _ => null,
        };
        return podSpec is not null ? new Found(podSpec)
            : objects.AbsentMeansMissing ? new NotFound()
            : new Unknown();
    }
}
