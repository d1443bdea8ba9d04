namespace Operator.Decisions;

/// <summary>
/// One decision of the scale loop for one ScaledObject (beyond KEDA): what it saw, which rule decided, and what it
/// wrote. Served on the operator's HTTP endpoint and printed in plain words by <c>explain</c>.
/// </summary>
public sealed record DecisionRecord
{
    public required DateTimeOffset Time { get; init; }

    /// <summary>Per-trigger inputs of this poll, in trigger order.</summary>
    public IReadOnlyList<TriggerObservation> Triggers { get; init; } = [];

    public required bool IsActive { get; init; }

    /// <summary>The rule that decided: one of <see cref="DecisionRules"/>.</summary>
    public required string Rule { get; init; }

    /// <summary>One plain sentence, e.g. "scaled 0→1 because trigger 0 (prometheus) = 35 > activationThreshold 0.5".</summary>
    public required string Summary { get; init; }

    public int? ReplicasBefore { get; init; }

    /// <summary>Replicas written to <c>/scale</c>, or null when nothing was written.</summary>
    public int? ReplicasWritten { get; init; }

    /// <summary>Trace id of the poll span, so a user can find the decision's trace in the dashboard.</summary>
    public string? TraceId { get; init; }
}
