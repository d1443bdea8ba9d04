namespace Operator.Api;

/// <summary>KEDA's ScaledObject defaults and well-known names (applied where KEDA applies them, never written back).</summary>
public static class ScaledObjectDefaults
{
    /// <summary>Seconds between trigger checks (<c>withtriggers_types.go defaultPollingInterval</c>).</summary>
    public const int PollingInterval = 30;

    /// <summary>Seconds after the last activity before scaling to zero/idle (<c>scale_executor.go defaultCooldownPeriod</c>).</summary>
    public const int CooldownPeriod = 300;

    /// <summary>Seconds after creation before the first scale to zero (<c>defaultInitialCooldownPeriod</c>).</summary>
    public const int InitialCooldownPeriod = 0;

    /// <summary>Replica floor KEDA itself scales to when <c>minReplicaCount</c> is unset.</summary>
    public const int MinReplicaCount = 0;

    /// <summary><c>defaultHPAMaxReplicas</c>.</summary>
    public const int MaxReplicaCount = 100;

    /// <summary><c>defaultHPAMinReplicas</c>: the HPA never goes below 1, KEDA handles 1↔0.</summary>
    public const int HpaMinReplicas = 1;

    public const string HpaNamePrefix = "keda-hpa-";

    public const string Finalizer = "finalizer.keda.sh";

    /// <summary>Label KEDA adds to the ScaledObject and the HPA; also the external-metric selector.</summary>
    public const string ScaledObjectNameLabel = "scaledobject.keda.sh/name";

    /// <summary>Name of the single external metric produced by <c>scalingModifiers</c>.</summary>
    public const string CompositeMetricName = "composite-metric";

    /// <summary>Kubernetes label values and DNS-1123 labels are limited to 63 characters.</summary>
    public const int MaxLabelValueLength = 63;

    public const string DefaultTargetGroup = "apps";

    public const string DefaultTargetVersion = "v1";

    public const string DefaultTargetKind = "Deployment";

    public const string DefaultTargetResource = "deployments";
}
