using Kubernetes.Controller.Autoscaling;

namespace Kubernetes.Controller.Tests.Autoscaling;

/// <summary>An <see cref="IHpaMetricsSource"/> answering from tables the test sets.</summary>
internal sealed class TableMetricsSource : IHpaMetricsSource
{
    public List<HpaPod> Pods { get; } = [];

    public Dictionary<string, PodMetricSample> CpuMetrics { get; } = [];

    public Dictionary<string, long[]> External { get; } = new(StringComparer.Ordinal);

    public string? ExternalError { get; set; }

    public List<string> ExternalSelectors { get; } = [];

    public Task<MetricsResult<IReadOnlyList<HpaPod>>> ListPodsAsync(string ns, string selector, CancellationToken cancellationToken) =>
        Task.FromResult(MetricsResult.Ok<IReadOnlyList<HpaPod>>(Pods));

    public Task<MetricsResult<IReadOnlyDictionary<string, PodMetricSample>>> GetResourceMetricsAsync(
        string ns, string resource, string selector, string? container, CancellationToken cancellationToken) =>
        Task.FromResult(MetricsResult.Ok<IReadOnlyDictionary<string, PodMetricSample>>(CpuMetrics));

    public Task<MetricsResult<IReadOnlyList<long>>> GetExternalMetricAsync(
        string ns, string metricName, string? metricSelector, CancellationToken cancellationToken)
    {
        ExternalSelectors.Add(metricSelector ?? "");
        if (ExternalError is not null)
        {
            return Task.FromResult(MetricsResult.Fail<IReadOnlyList<long>>(ExternalError));
        }

        return Task.FromResult(External.TryGetValue(metricName, out var values)
            ? MetricsResult.Ok<IReadOnlyList<long>>(values)
            : MetricsResult.Fail<IReadOnlyList<long>>($"the server could not find the metric {metricName}"));
    }
}
