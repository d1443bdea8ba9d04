using Operator.Api;

namespace Operator.Scaling.Executor;

/// <summary>
/// The one evaluation of KEDA's <c>RequestScale</c> predicates for a request: which <see cref="ScaleRule"/> applies,
/// the write it asks for and the replica counts its messages name. Every predicate is evaluated here, once.
/// </summary>
internal readonly record struct ScalePlan(ScaleRule Rule, ScaleAction Action, int Target, int Current, bool Forced)
{
    public static ScalePlan For(ScaleRequest request, DateTime now)
    {
        var so = request.ScaledObject;
        var annotations = so.Metadata.Annotations;
        var current = request.CurrentReplicas;
        if (ScaledObjectAnnotations.IsPaused(annotations))
        {
            // KEDA's executor pins the target at paused-replicas (and records it in status) before the reconcile stops the loop.
            return ScaledObjectAnnotations.TryGetPausedReplicas(annotations, out var paused, out _) && paused is int pinned && pinned != current
                ? new(ScaleRule.Paused, ScaleAction.ScaleToPausedReplicas, pinned, current, false)
                : new(ScaleRule.Paused, ScaleAction.None, paused ?? current, current, false);
        }

        var min = so.Spec.MinReplicaCount ?? ScaledObjectDefaults.MinReplicaCount;
        var idle = so.Spec.IdleReplicaCount;
        var forced = ScaledObjectAnnotations.IsActivationForced(annotations);
        if (request.IsActive || forced)
        {
            if ((idle is not null && current < min) || current == 0)
            {
                var target = min > 0 ? min : 1;
                return ScaledObjectAnnotations.IsScaleOutPaused(annotations)
                    ? new(ScaleRule.ActivationBlocked, ScaleAction.None, target, current, forced)
                    : new(ScaleRule.Activate, ScaleAction.ScaleFromZeroOrIdle, target, current, forced);
            }

            return new(request.IsError ? ScaleRule.ActivePartialError : ScaleRule.Active, ScaleAction.None, current, current, forced);
        }

        var fallback = so.Spec.Fallback;
        if (request.IsError && fallback is not null && fallback.Replicas != 0)
        {
            return new(ScaleRule.KeptForFallback, ScaleAction.None, current, current, false);
        }

        if (request.IsError && fallback is null)
        {
            return new(ScaleRule.TriggerError, ScaleAction.None, current, current, false);
        }

        if ((idle is not null && current > idle) || (current > 0 && min == 0))
        {
            var target = idle ?? min;
            if (ScaledObjectAnnotations.IsScaleInPaused(annotations))
            {
                return new(ScaleRule.DeactivationBlocked, ScaleAction.None, target, current, false);
            }

            return IsCooledDown(so, now)
                ? new(ScaleRule.Deactivate, ScaleAction.ScaleToZeroOrIdle, target, current, false)
                : new(ScaleRule.CoolingDown, ScaleAction.None, target, current, false);
        }

        return idle is null && current < min
            ? new(ScaleRule.EnforceMinReplicas, ScaleAction.EnforceMinReplicas, min, current, false)
            : new(ScaleRule.Inactive, ScaleAction.None, current, current, false);
    }

    /// <summary>
    /// Scale-in is allowed once <c>lastActiveTime + cooldownPeriod</c> is before now, or, never active yet, once
    /// <c>creationTimestamp + initialCooldownPeriod</c> is.
    /// </summary>
    public static bool IsCooledDown(ScaledObject so, DateTime now)
    {
        var lastActive = so.Status?.LastActiveTime;
        if (lastActive is null)
        {
            var initial = TimeSpan.FromSeconds(so.Spec.InitialCooldownPeriod ?? ScaledObjectDefaults.InitialCooldownPeriod);

            // KEDA substitutes time.Now() for a zero creationTimestamp and compares it with a later time.Now(),
            // so a brand-new object is cooled down exactly when initialCooldownPeriod is 0.
            return so.Metadata.CreationTimestamp is { } created ? created + initial < now : initial <= TimeSpan.Zero;
        }

        var cooldown = TimeSpan.FromSeconds(so.Spec.CooldownPeriod ?? ScaledObjectDefaults.CooldownPeriod);
        return lastActive.Value + cooldown < now;
    }
}
