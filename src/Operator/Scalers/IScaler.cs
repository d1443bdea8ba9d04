using k8s.Models;

namespace Operator.Scalers;

/// <summary>
/// A built scaler (KEDA's <c>Scaler</c> interface). Building parses and validates metadata without touching the
/// network; <see cref="GetMetricSpecs"/> needs no network either, so offline validation can call it.
/// </summary>
public interface IScaler : IAsyncDisposable
{
    /// <summary>The HPA metric specs for this trigger (External for event sources, Resource for cpu/memory).</summary>
    IReadOnlyList<V2MetricSpec> GetMetricSpecs();

    /// <summary>Queries the source for <paramref name="metricName"/> and reports value(s) and activity.</summary>
    ValueTask<ScalerResult> GetMetricsAndActivityAsync(string metricName, CancellationToken cancellationToken);
}
