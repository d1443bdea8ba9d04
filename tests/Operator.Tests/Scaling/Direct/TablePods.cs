using Kubernetes.Controller.Autoscaling;

namespace Operator.Tests.Scaling.Direct;

/// <summary>Pods and per-pod resource usage from tables, standing in for the API server's pods and metrics.k8s.io.</summary>
internal sealed class TablePods : IHpaMetricsSource
{
    private static readonly DateTimeOffset Started = new(2026, 1, 1, 11, 0, 0, TimeSpan.Zero);

    public List<HpaPod> Pods { get; } = [];

    public Dictionary<string, PodMetricSample> Usage { get; } = new(StringComparer.Ordinal);

    public void Ready(params string[] names)
    {
        foreach (var name in names)
        {
            Pods.Add(new HpaPod(name, PodPhases.Running, true, Started, Started, false, [new Dictionary<string, long> { ["cpu"] = 100 }]));
        }
    }

    public Task<MetricsResult<IReadOnlyList<HpaPod>>> ListPodsAsync(string ns, string selector, CancellationToken cancellationToken) =>
        Task.FromResult(MetricsResult.Ok<IReadOnlyList<HpaPod>>(Pods));

    public Task<MetricsResult<IReadOnlyDictionary<string, PodMetricSample>>> GetResourceMetricsAsync(
        string ns, string resource, string selector, string? container, CancellationToken cancellationToken) =>
        Task.FromResult(MetricsResult.Ok<IReadOnlyDictionary<string, PodMetricSample>>(Usage));

    public Task<MetricsResult<IReadOnlyList<long>>> GetExternalMetricAsync(
        string ns, string metricName, string? metricSelector, CancellationToken cancellationToken) =>
        Task.FromResult(MetricsResult.Fail<IReadOnlyList<long>>("the external metrics API is not used in direct mode"));
}
