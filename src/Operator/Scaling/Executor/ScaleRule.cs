namespace Operator.Scaling.Executor;

/// <summary>
/// The row of KEDA's <c>RequestScale</c> table that decided a poll (<c>pkg/scaling/executor/scale_scaledobjects.go</c>).
/// </summary>
public enum ScaleRule
{
    /// <summary><c>paused</c> or <c>paused-replicas</c>: the loop changes nothing but the Paused condition.</summary>
    Paused,

    /// <summary>Active (or forced) at 0 replicas, or below min in idle mode: scale to max(min, 1).</summary>
    Activate,

    /// <summary>Would activate, but <c>paused-scale-out</c> blocks the 0→N step.</summary>
    ActivationBlocked,

    /// <summary>Active with some triggers failing: Ready=Unknown/PartialTriggerError, lastActiveTime not refreshed.</summary>
    ActivePartialError,

    /// <summary>Active with replicas: lastActiveTime refreshed, the HPA (or direct mode) owns 1→N.</summary>
    Active,

    /// <summary>Inactive with an error and fallback replicas: replicas kept so the HPA can apply the fallback metric.</summary>
    KeptForFallback,

    /// <summary>Inactive with an error and no fallback: Ready=False/TriggerError, nothing written.</summary>
    TriggerError,

    /// <summary>Inactive and cooled down: scale to idleReplicaCount or minReplicaCount.</summary>
    Deactivate,

    /// <summary>Would deactivate, but <c>paused-scale-in</c> blocks it.</summary>
    DeactivationBlocked,

    /// <summary>Inactive within the cooldown: Active=False/ScalerCooldown.</summary>
    CoolingDown,

    /// <summary>Inactive below minReplicaCount without idle mode: set replicas to min (no event).</summary>
    EnforceMinReplicas,

    /// <summary>Inactive with nothing to change.</summary>
    Inactive,
}
