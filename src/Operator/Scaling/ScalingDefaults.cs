namespace Operator.Scaling;

/// <summary>KEDA's defaults for the scale loop and the generated HPA.</summary>
public static class ScalingDefaults
{
    /// <summary><c>cooldownPeriod</c> when unset: 300 s (<c>defaultCooldownPeriod</c>).</summary>
    public static readonly TimeSpan CooldownPeriod = TimeSpan.FromSeconds(300);

    /// <summary><c>initialCooldownPeriod</c> when unset: 0 s.</summary>
    public static readonly TimeSpan InitialCooldownPeriod = TimeSpan.Zero;

    /// <summary><c>pollingInterval</c> when unset: 30 s.</summary>
    public static readonly TimeSpan PollingInterval = TimeSpan.FromSeconds(30);

    /// <summary>HPA <c>minReplicas</c> when <c>minReplicaCount</c> is unset or 0.</summary>
    public const int HpaMinReplicas = 1;

    /// <summary>HPA <c>maxReplicas</c> when <c>maxReplicaCount</c> is unset.</summary>
    public const int HpaMaxReplicas = 100;

    /// <summary>Prefix of the generated HPA name: <c>keda-hpa-&lt;scaledobject&gt;</c>.</summary>
    public const string HpaNamePrefix = "keda-hpa-";

    /// <summary>Name of the single external metric produced by <c>advanced.scalingModifiers</c>.</summary>
    public const string CompositeMetricName = "composite-metric";

    /// <summary>Value of the <c>app.kubernetes.io/managed-by</c> label on generated HPAs.</summary>
    public const string HpaManagedBy = "keda-operator";

    /// <summary>The HPA controller's default tolerance (<c>--horizontal-pod-autoscaler-tolerance</c>).</summary>
    public const double HpaTolerance = 0.1;

    /// <summary>Longest label value Kubernetes accepts.</summary>
    public const int MaxLabelValueLength = 63;
}
