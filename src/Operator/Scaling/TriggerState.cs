using Operator.Scalers;
using Operator.Scaling.Fallbacks;

namespace Operator.Scaling;

/// <summary>
/// One trigger's result in a poll (KEDA's <c>scalerState</c>), after fallback: whether it is active or failed, the
/// external metric it reports (empty for cpu/memory, which have none), the values it reported and, when it failed,
/// why (never a secret).
/// </summary>
public sealed record TriggerState(
    string TriggerType,
    string MetricName,
    bool IsActive,
    bool IsError,
    IReadOnlyList<MetricValue> Metrics,
    string? Error = null)
{
    /// <summary>
    /// KEDA's <c>getScalerState</c> for one external metric: after fallback the trigger is active when the scaler said
    /// so or fallback supplied the value; an error that fallback did not absorb makes it a failed trigger.
    /// </summary>
    public static TriggerState FromPoll(string triggerType, string metricName, ScalerResult scalerResult, FallbackResult afterFallback) =>
        afterFallback.IsSuccess
            ? new TriggerState(triggerType, metricName, scalerResult.IsActive || afterFallback.FallbackActive, false, afterFallback.Metrics)
            : new TriggerState(triggerType, metricName, false, true, [], afterFallback.Error);

    /// <summary>cpu and memory triggers are served by the Kubernetes metrics server, not by KEDA.</summary>
    public bool IsCpuOrMemory => TriggerType is "cpu" or "memory";
}
