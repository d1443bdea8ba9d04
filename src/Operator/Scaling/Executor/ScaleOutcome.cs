using Operator.Api;
using Operator.Scaling.Events;
using Operator.Scaling.Status;

namespace Operator.Scaling.Executor;

/// <summary>
/// The status changes and events of a decision, for one result of the replica write (or for no write).
/// </summary>
public sealed record ScaleOutcome
{
    /// <summary>The full condition list after the decision.</summary>
    public required IReadOnlyList<Condition> Conditions { get; init; }

    /// <summary>Events to record, in order.</summary>
    public IReadOnlyList<ScaleEvent> Events { get; init; } = [];

    /// <summary><c>status.lastActiveTime</c> after the decision (unchanged when not refreshed).</summary>
    public DateTime? LastActiveTime { get; init; }

    /// <summary>Whether <see cref="LastActiveTime"/> was refreshed to now.</summary>
    public bool LastActiveTimeRefreshed { get; init; }

    /// <summary>New <c>status.triggersActivity</c>, or null when it does not need to change.</summary>
    public IReadOnlyDictionary<string, bool>? TriggersActivity { get; init; }

    /// <summary>New <c>status.pausedReplicaCount</c> once the target is pinned there; null leaves it alone.</summary>
    public int? PausedReplicaCount { get; init; }

    /// <summary>Writes the outcome into <paramref name="status"/>.</summary>
    public void ApplyTo(ScaledObjectStatus status)
    {
        status.Conditions = ScaledObjectConditions.Clone(Conditions);
        status.LastActiveTime = LastActiveTime;
        if (PausedReplicaCount is int paused)
        {
            status.PausedReplicaCount = paused;
        }
        if (TriggersActivity is not null)
        {
            status.TriggersActivity = TriggersActivity.ToDictionary(p => p.Key, p => new TriggerActivityStatus { IsActive = p.Value });
        }
    }
}
