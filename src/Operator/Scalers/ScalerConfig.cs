namespace Operator.Scalers;

/// <summary>
/// Everything a scaler is built from (KEDA's <c>scalersconfig.ScalerConfig</c>): the trigger's metadata, the
/// resolved authentication parameters and the scale target's container environment.
/// </summary>
public sealed record ScalerConfig
{
    /// <summary>Trigger <c>type</c>, e.g. <c>prometheus</c>.</summary>
    public required string TriggerType { get; init; }

    /// <summary>Trigger <c>name</c> (may be empty).</summary>
    public string TriggerName { get; init; } = "";

    /// <summary>0-based position of the trigger in <c>spec.triggers</c>; metric names are <c>s&lt;index&gt;-…</c>.</summary>
    public int TriggerIndex { get; init; }

    /// <summary>Trigger <c>metadata</c>, untrimmed, as written by the user.</summary>
    public IReadOnlyDictionary<string, string> TriggerMetadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Parameters resolved from the TriggerAuthentication/ClusterTriggerAuthentication. Secret values.</summary>
    public IReadOnlyDictionary<string, string> AuthParams { get; init; } = new Dictionary<string, string>();

    /// <summary>Environment of the scale target's container (for <c>*FromEnv</c> keys).</summary>
    public IReadOnlyDictionary<string, string> ResolvedEnv { get; init; } = new Dictionary<string, string>();

    /// <summary>Trigger <c>metricType</c> as written ("" = AverageValue).</summary>
    public string MetricType { get; init; } = "";

    /// <summary>Trigger <c>useCachedMetrics</c>.</summary>
    public bool UseCachedMetrics { get; init; }

    /// <summary>Pod identity of the TriggerAuthentication (provider <c>none</c> when absent).</summary>
    public PodIdentity PodIdentity { get; init; } = PodIdentity.None;

    /// <summary>Name of the ScaledObject/ScaledJob the trigger belongs to.</summary>
    public string ScalableObjectName { get; init; } = "";

    /// <summary>Namespace of the ScaledObject/ScaledJob.</summary>
    public string ScalableObjectNamespace { get; init; } = "";

    /// <summary><c>ScaledObject</c> or <c>ScaledJob</c>.</summary>
    public string ScalableObjectType { get; init; } = "ScaledObject";

    /// <summary>KEDA's global HTTP timeout (<c>KEDA_HTTP_DEFAULT_TIMEOUT</c>, default 3000 ms).</summary>
    public TimeSpan GlobalHttpTimeout { get; init; } = ScalerDefaults.GlobalHttpTimeout;
}
