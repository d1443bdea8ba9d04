using System.Collections.Concurrent;
using Operator.Metrics;
using Operator.Scalers;

namespace Operator.Tests.Adapter;

/// <summary>An in-test <see cref="IScaledObjectMetricsSource"/>: values by (namespace, ScaledObject, metric), names case-insensitive as KEDA's.</summary>
internal sealed class TableMetricsSource : IScaledObjectMetricsSource
{
    public ConcurrentDictionary<(string Namespace, string ScaledObject, string Metric), double> Values { get; } = new();

    public ConcurrentQueue<(string Namespace, string ScaledObject, string Metric)> Requests { get; } = new();

    public string? Error { get; set; }

    public ValueTask<ScaledObjectMetricsResult> GetMetricsAsync(string @namespace, string scaledObjectName, string metricName, CancellationToken cancellationToken)
    {
        Requests.Enqueue((@namespace, scaledObjectName, metricName));
        if (Error is not null)
        {
            return ValueTask.FromResult(ScaledObjectMetricsResult.Failure(Error));
        }

        var match = Values.FirstOrDefault(v => v.Key.Namespace == @namespace && v.Key.ScaledObject == scaledObjectName
            && string.Equals(v.Key.Metric, metricName, StringComparison.OrdinalIgnoreCase));
        return ValueTask.FromResult(match.Key.Metric is null
            ? ScaledObjectMetricsResult.Missing($"no matching metrics found for {metricName}")
            : ScaledObjectMetricsResult.Success([new MetricValue(match.Key.Metric, match.Value)]));
    }
}
