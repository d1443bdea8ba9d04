using System.Numerics;
using Kubernetes.Controller.Autoscaling;
using Operator.Scalers;

namespace Operator.Scaling.Direct;

/// <summary>
/// The HPA's metrics in direct mode: External metrics from this poll's trigger values (after fallback, as the
/// adapter would serve them, converted to quantities the same way), pods and metrics.k8s.io from the API server.
/// A trigger that failed this poll fails its metric as the adapter's error reaches the HPA.
/// </summary>
internal sealed class PolledMetricsSource(
    IReadOnlyDictionary<string, IReadOnlyList<MetricValue>> external, IHpaMetricsSource cluster, IReadOnlyDictionary<string, string>? failures = null)
    : IHpaMetricsSource
{
    public Task<MetricsResult<IReadOnlyList<HpaPod>>> ListPodsAsync(string ns, string selector, CancellationToken cancellationToken) =>
        cluster.ListPodsAsync(ns, selector, cancellationToken);

    public Task<MetricsResult<IReadOnlyDictionary<string, PodMetricSample>>> GetResourceMetricsAsync(
        string ns, string resource, string selector, string? container, CancellationToken cancellationToken) =>
        cluster.GetResourceMetricsAsync(ns, resource, selector, container, cancellationToken);

    public Task<MetricsResult<IReadOnlyList<long>>> GetExternalMetricAsync(
        string ns, string metricName, string? metricSelector, CancellationToken cancellationToken)
    {
        // The adapter matches metric names case-insensitively.
        var values = external.FirstOrDefault(e => string.Equals(e.Key, metricName, StringComparison.OrdinalIgnoreCase)).Value;
        if (values is null && failures is not null && failures.TryGetValue(metricName, out var failure))
        {
            // The HPA's metrics client wraps what the adapter answered.
            return Task.FromResult(MetricsResult.Fail<IReadOnlyList<long>>($"unable to fetch metrics from external metrics API: {failure}"));
        }

        if (values is null || values.Count == 0)
        {
            return Task.FromResult(MetricsResult.Fail<IReadOnlyList<long>>($"no matching metrics found for {metricName}"));
        }

        var milli = new List<long>(values.Count);
        foreach (var value in values)
        {
            milli.Add((long)BigInteger.Min(KubernetesQuantity.RoundToMilli(value.Value), long.MaxValue));
        }

        return Task.FromResult(MetricsResult.Ok<IReadOnlyList<long>>(milli));
    }
}
