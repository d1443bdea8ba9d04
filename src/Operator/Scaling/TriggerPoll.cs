using k8s.Models;
using Operator.Scalers;

namespace Operator.Scaling;

/// <summary>
/// What one trigger's scaler returned in a poll, before fallback: its index and type, its <c>name</c> (formula
/// variable), the External metric spec it was asked for and the result. cpu/memory triggers have no External spec
/// and no result (the metrics server serves them).
/// </summary>
public sealed record TriggerPoll(int Index, string TriggerType, string? TriggerName, V2MetricSpec? MetricSpec, ScalerResult? Result)
{
    /// <summary>The External metric name (<c>s0-prometheus</c>), or empty for cpu/memory.</summary>
    public string MetricName => MetricSpec?.External?.Metric?.Name ?? "";

    /// <summary>A trigger served by the metrics server (no External metric to query).</summary>
    public static TriggerPoll Resource(int index, string triggerType) => new(index, triggerType, null, null, null);

    /// <summary>A trigger whose scaler could not be built (or whose specs could not be read): an error for the poll.</summary>
    public static TriggerPoll Unbuilt(int index, string triggerType, string? triggerName, string error) =>
        new(index, triggerType, triggerName, null, ScalerResult.Failure(error));
}
