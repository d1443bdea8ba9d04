namespace Operator.Scaling.Executor;

/// <summary>
/// Result of KEDA's <c>RequestScale</c> table: the replica write to attempt (if any) and the outcome for each
/// result of that write. Without a write both outcomes are the same.
/// </summary>
public sealed record ScaleDecision
{
    /// <summary>The row of the decision table that applied.</summary>
    public ScaleRule Rule { get; init; }

    public ScaleAction Action { get; init; }

    /// <summary>Replicas to write to <c>/scale</c>; null when <see cref="Action"/> is <see cref="ScaleAction.None"/>.</summary>
    public int? TargetReplicas { get; init; }

    /// <summary>Status changes and events when the write succeeds (or when there is no write).</summary>
    public required ScaleOutcome OnSuccess { get; init; }

    /// <summary>Status changes and events when the write fails.</summary>
    public required ScaleOutcome OnFailure { get; init; }

    public ScaleOutcome For(bool scaleSucceeded) => scaleSucceeded ? OnSuccess : OnFailure;
}
