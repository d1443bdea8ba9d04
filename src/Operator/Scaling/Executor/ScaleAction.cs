namespace Operator.Scaling.Executor;

/// <summary>What the scale loop asks of the target's <c>/scale</c> subresource.</summary>
public enum ScaleAction
{
    /// <summary>Leave replicas alone.</summary>
    None,

    /// <summary>Active with 0 replicas (or below min in idle mode): scale to max(min, 1).</summary>
    ScaleFromZeroOrIdle,

    /// <summary>Inactive and cooled down: scale to idleReplicaCount or minReplicaCount.</summary>
    ScaleToZeroOrIdle,

    /// <summary>Inactive below minReplicaCount without idle mode: set replicas to min (no event).</summary>
    EnforceMinReplicas,

    /// <summary><c>paused-replicas</c> set: pin the target at that count.</summary>
    ScaleToPausedReplicas,
}
