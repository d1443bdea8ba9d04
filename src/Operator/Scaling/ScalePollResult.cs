using Operator.Api;
using Operator.Scaling.Executor;

namespace Operator.Scaling;

/// <summary>
/// What one poll decided: the per-trigger states after fallback, the aggregated activity (with any formula or
/// configuration error), the replica write to attempt, and the new status and events for each result of that write.
/// </summary>
public sealed record ScalePollResult
{
    public required IReadOnlyList<TriggerState> Triggers { get; init; }

    public required ScaledObjectActivity Activity { get; init; }

    /// <summary>The decision-table row that applied; null when the current replicas could not be read.</summary>
    public ScaleRule? Rule { get; init; }

    public ScaleAction Action { get; init; }

    /// <summary>Replicas to write to <c>/scale</c>; null when nothing is to be written.</summary>
    public int? TargetReplicas { get; init; }

    /// <summary><c>status.health</c> after this poll's fallback bookkeeping.</summary>
    public IReadOnlyDictionary<string, HealthStatus>? Health { get; init; }

    /// <summary>Status and events when the write succeeded (or when there was nothing to write).</summary>
    public required ScalePollOutcome OnSuccess { get; init; }

    /// <summary>Status and events when the write failed.</summary>
    public required ScalePollOutcome OnFailure { get; init; }

    public ScalePollOutcome For(bool scaleSucceeded) => scaleSucceeded ? OnSuccess : OnFailure;
}
