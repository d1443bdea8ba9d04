namespace Operator.Scalers;

/// <summary>
/// Outcome of one metrics query: values plus activity, or a typed failure the scale loop understands
/// (fallback, conditions, events). Expected failures are results, not exceptions.
/// </summary>
public sealed record ScalerResult
{
    private ScalerResult(IReadOnlyList<MetricValue> metrics, bool isActive, string? error)
    {
        Metrics = metrics;
        IsActive = isActive;
        Error = error;
    }

    public IReadOnlyList<MetricValue> Metrics { get; }

    /// <summary>KEDA's activity: <c>value &gt; activationThreshold</c>.</summary>
    public bool IsActive { get; }

    /// <summary>Why the query failed; never contains a secret.</summary>
    public string? Error { get; }

    public bool IsSuccess => Error is null;

    public static ScalerResult Success(IReadOnlyList<MetricValue> metrics, bool isActive) => new(metrics, isActive, null);

    public static ScalerResult Success(MetricValue metric, bool isActive) => new([metric], isActive, null);

    public static ScalerResult Failure(string error) => new([], false, error);
}
