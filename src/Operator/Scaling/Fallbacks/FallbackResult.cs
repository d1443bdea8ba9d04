using Operator.Api;
using Operator.Scalers;

namespace Operator.Scaling.Fallbacks;

/// <summary>
/// What a metric query yields after KEDA's fallback: the values to report (the scaler's own, a fallback value or the
/// scalingModifiers placeholder), whether fallback supplied them, or the error to propagate.
/// </summary>
public sealed record FallbackResult(IReadOnlyList<MetricValue> Metrics, bool FallbackActive, string? Error)
{
    /// <summary>The metric's new <c>status.health</c> entry; null when fallback is not configured (health untouched).</summary>
    public HealthStatus? Health { get; init; }

    public bool IsSuccess => Error is null;

    public static FallbackResult Passthrough(IReadOnlyList<MetricValue> metrics) => new(metrics, false, null);

    public static FallbackResult Failed(string error) => new([], false, error);
}
