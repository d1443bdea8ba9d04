namespace Operator.Api;

/// <summary>KEDA's <c>keda.sh/v1alpha1</c> ScaledJob (short name <c>sj</c>): runs Jobs per pending event.</summary>
public sealed class ScaledJob() : KedaResource<ScaledJobSpec, ScaledJobStatus>(KubeKind)
{
    public const string KubeKind = "ScaledJob";
    public const string KubePlural = "scaledjobs";

    /// <summary>KEDA's <c>MinReplicaCount()</c>: spec value capped at max, 0 when unset.</summary>
    public long GetMinReplicaCount()
    {
        if (Spec.MinReplicaCount is not { } min)
        {
            return ScaledJobDefaults.MinReplicaCount;
        }

        // KEDA compares against maxReplicaCount without a nil check; an unset max means no cap here.
        return Spec.MaxReplicaCount is { } max && min > max ? max : min;
    }

    /// <summary>KEDA's <c>MaxReplicaCount()</c>: spec max minus the min (the jobs kept above the floor), 100 when unset.</summary>
    public long GetMaxReplicaCount() =>
        Spec.MaxReplicaCount is { } max ? max - GetMinReplicaCount() : ScaledJobDefaults.MaxReplicaCount;
}
