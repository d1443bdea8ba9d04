namespace Operator.Metrics;

/// <summary>
/// What the external metrics adapter asks of the scale loop (KEDA's <c>ScaleHandler.GetScaledObjectMetrics</c>):
/// the current values of one metric of one ScaledObject, honouring <c>useCachedMetrics</c>, fallback and
/// <c>scalingModifiers</c> exactly as KEDA applies them. Implemented by the component that owns the scaler caches.
/// </summary>
public interface IScaledObjectMetricsSource
{
    ValueTask<ScaledObjectMetricsResult> GetMetricsAsync(
        string @namespace, string scaledObjectName, string metricName, CancellationToken cancellationToken);
}
