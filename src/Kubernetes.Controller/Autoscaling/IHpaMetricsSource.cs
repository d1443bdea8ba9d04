namespace Kubernetes.Controller.Autoscaling;

/// <summary>
/// Where the HPA reads pods and metrics. The controller implements it over the API server
/// (pods, metrics.k8s.io and external.metrics.k8s.io through the aggregation layer); tests pass tables.
/// Failures are returned as <see cref="MetricsResult{T}"/> errors, never thrown.
/// </summary>
public interface IHpaMetricsSource
{
    /// <summary>Pods in <paramref name="ns"/> matching the scale's label selector.</summary>
    Task<MetricsResult<IReadOnlyList<HpaPod>>> ListPodsAsync(string ns, string selector, CancellationToken cancellationToken);

    /// <summary>
    /// Per-pod usage of a resource (cpu, memory) in milli-units, keyed by pod name: summed over the pod's containers,
    /// or only <paramref name="container"/>'s usage when one is named (ContainerResource metrics).
    /// </summary>
    Task<MetricsResult<IReadOnlyDictionary<string, PodMetricSample>>> GetResourceMetricsAsync(
        string ns, string resource, string selector, string? container, CancellationToken cancellationToken);

    /// <summary>The values of an external metric in milli-units (one per series the adapter returns).</summary>
    Task<MetricsResult<IReadOnlyList<long>>> GetExternalMetricAsync(
        string ns, string metricName, string? metricSelector, CancellationToken cancellationToken);
}

/// <summary>A value or the reason it could not be obtained.</summary>
public readonly record struct MetricsResult<T>(T? Value, string? Error);

/// <summary>Factories for <see cref="MetricsResult{T}"/>.</summary>
public static class MetricsResult
{
    public static MetricsResult<T> Ok<T>(T value) => new(value, null);

    public static MetricsResult<T> Fail<T>(string error) => new(default, error);
}
