using Operator.Controllers;
using Operator.Metrics;
using Operator.Scalers;

namespace Operator.ScaleLoop;

/// <summary>
/// KEDA's <c>GetScaledObjectMetrics</c> for the metrics adapter: finds the trigger that reports the metric
/// (names compared case-insensitively), answers from the last poll when the trigger has <c>useCachedMetrics</c>,
/// otherwise asks the cached scaler.
/// </summary>
internal sealed class ScaledObjectMetricsSource(OperatorInformers informers, ScalerCache scalers, MetricsCache metrics) : IScaledObjectMetricsSource
{
    public async ValueTask<ScaledObjectMetricsResult> GetMetricsAsync(
        string @namespace, string scaledObjectName, string metricName, CancellationToken cancellationToken)
    {
        var key = $"{@namespace}/{scaledObjectName}";
        if (!informers.ScaledObjects.TryGet(key, out var so))
        {
            return ScaledObjectMetricsResult.Missing($"scaledObject {key} not found");
        }

        var built = scalers.Get(key, so);
        foreach (var trigger in built.Triggers)
        {
            var name = trigger.Scaler?.GetMetricSpecs().Select(s => s.External?.Metric?.Name)
                .FirstOrDefault(n => string.Equals(n, metricName, StringComparison.OrdinalIgnoreCase));
            if (name is null || trigger.Scaler is null)
            {
                continue;
            }

            ScalerResult result;
            if (!trigger.Trigger.UseCachedMetrics || !metrics.TryGet(key, name, out result))
            {
                result = await trigger.Scaler.GetMetricsAndActivityAsync(name, cancellationToken).ConfigureAwait(false);
            }

            return result.IsSuccess
                ? ScaledObjectMetricsResult.Success(result.Metrics)
                : ScaledObjectMetricsResult.Failure($"error getting metric {name} for scaledObject {key}: {result.Error}");
        }

        return ScaledObjectMetricsResult.Missing($"no matching metrics found for {metricName} in scaledObject {key}");
    }
}
