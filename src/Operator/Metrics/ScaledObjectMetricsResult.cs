using Operator.Scalers;

namespace Operator.Metrics;

/// <summary>
/// Values for one external metric of one ScaledObject, or why there are none. <see cref="NotFound"/> means the
/// ScaledObject or the metric name is unknown (the adapter answers 404); any other error is a 500 whose message
/// never contains a secret.
/// </summary>
public sealed record ScaledObjectMetricsResult
{
    public IReadOnlyList<MetricValue> Values { get; init; } = [];

    public string? Error { get; init; }

    public bool NotFound { get; init; }

    public bool IsSuccess => Error is null;

    public static ScaledObjectMetricsResult Success(IReadOnlyList<MetricValue> values) => new() { Values = values };

    public static ScaledObjectMetricsResult Failure(string error) => new() { Error = error };

    public static ScaledObjectMetricsResult Missing(string error) => new() { Error = error, NotFound = true };
}
