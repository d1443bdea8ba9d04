using System.Globalization;
using Operator.Api;
using Operator.Scaling.Events;
using Operator.Scaling.Status;

namespace Operator.Scaling.Executor;

/// <summary>
/// KEDA's scale decision (<c>pkg/scaling/executor/scale_scaledobjects.go RequestScale</c>) as a pure function of the
/// ScaledObject, the current replicas, the trigger activity and the injected clock.
/// </summary>
internal sealed class ScaleDecider(TimeProvider timeProvider)
{
    public ScaleDecision Decide(ScaleRequest request)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var plan = Plan(request, now);
        return new ScaleDecision
        {
            Action = plan.Action,
            TargetReplicas = plan.Action == ScaleAction.None ? null : plan.Target,
            OnSuccess = Evaluate(request, now, scaleSucceeded: true),
            OnFailure = plan.Action == ScaleAction.None ? Evaluate(request, now, true) : Evaluate(request, now, scaleSucceeded: false),
        };
    }

    /// <summary>Ready=False/<c>ErrorGettingCurrentReplicas</c> when the target's replicas cannot be read.</summary>
    public static ScaleOutcome CurrentReplicasUnavailable(ScaledObject scaledObject, string error)
    {
        var conditions = ScaledObjectConditions.Clone(scaledObject.Status?.Conditions);
        ScaledObjectConditions.Set(conditions, ConditionTypes.Ready, ConditionStatuses.False,
            ConditionReasons.ErrorGettingCurrentReplicas, ConditionMessages.ErrorGettingCurrentReplicasPrefix + error);
        return new ScaleOutcome { Conditions = conditions, LastActiveTime = scaledObject.Status?.LastActiveTime };
    }

    // Kubernetes stores metav1.Time with second precision, so the lastActiveTime written is truncated too.
    private static DateTime ToStoredTime(DateTime now) => now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));

    private static (ScaleAction Action, int Target) Plan(ScaleRequest request, DateTime now)
    {
        var so = request.ScaledObject;
        var annotations = so.Metadata.Annotations;
        if (ScaledObjectAnnotations.IsPaused(annotations))
        {
            return (ScaleAction.None, 0);
        }

        var min = so.Spec.MinReplicaCount ?? ScaledObjectDefaults.MinReplicaCount;
        var idle = so.Spec.IdleReplicaCount;
        var current = request.CurrentReplicas;
        if (request.IsActive || ScaledObjectAnnotations.IsActivationForced(annotations))
        {
            if (((idle is not null && current < min) || current == 0) && !ScaledObjectAnnotations.IsScaleOutPaused(annotations))
            {
                return (ScaleAction.ScaleFromZeroOrIdle, min > 0 ? min : 1);
            }

            return (ScaleAction.None, 0);
        }

        var fallback = so.Spec.Fallback;
        if (request.IsError && (fallback is null || fallback.Replicas != 0))
        {
            return (ScaleAction.None, 0);
        }

        if ((idle is not null && current > idle) || (current > 0 && min == 0))
        {
            return !ScaledObjectAnnotations.IsScaleInPaused(annotations) && IsCooledDown(so, now)
                ? (ScaleAction.ScaleToZeroOrIdle, idle ?? min)
                : (ScaleAction.None, 0);
        }

        return current < min && idle is null ? (ScaleAction.EnforceMinReplicas, min) : (ScaleAction.None, 0);
    }

    private static ScaleOutcome Evaluate(ScaleRequest request, DateTime now, bool scaleSucceeded)
    {
        var so = request.ScaledObject;
        var annotations = so.Metadata.Annotations;
        var conditions = ScaledObjectConditions.Clone(so.Status?.Conditions);
        var events = new List<ScaleEvent>();
        var lastActive = so.Status?.LastActiveTime;
        var refreshed = false;

        ScaledObjectConditions.Set(conditions, ConditionTypes.Ready, ConditionStatuses.True,
            ConditionReasons.ScaledObjectReady, ConditionMessages.ReadySuccess);

        if (ScaledObjectAnnotations.IsPaused(annotations))
        {
            // Paused: the controller owns the replicas; the loop only reports Paused and leaves Active alone.
            ScaledObjectConditions.Set(conditions, ConditionTypes.Paused, ConditionStatuses.True,
                ConditionReasons.ScaledObjectPaused, ConditionMessages.Paused);
            return new ScaleOutcome { Conditions = conditions, LastActiveTime = lastActive };
        }

        var (action, target) = Plan(request, now);
        var forced = ScaledObjectAnnotations.IsActivationForced(annotations);
        var current = request.CurrentReplicas;
        var describe = Describe(so, current, target);

        if (request.IsActive || forced)
        {
            if (action == ScaleAction.ScaleFromZeroOrIdle)
            {
                if (scaleSucceeded)
                {
                    var cause = forced
                        ? "caused by forced activation annotation"
                        : "triggered by " + string.Join(';', request.ActiveTriggers);
                    events.Add(ScaleEvent.NormalEvent(EventReasons.KedaScaleTargetActivated, $"Scaled {describe}, {cause}"));
                    (lastActive, refreshed) = (ToStoredTime(now), true);
                }
                else
                {
                    // KEDA's message really says "Failed to scaled".
                    events.Add(ScaleEvent.WarningEvent(EventReasons.KedaScaleTargetActivationFailed, $"Failed to scaled {describe}"));
                }
            }
            else if ((so.Spec.IdleReplicaCount is not null && current < (so.Spec.MinReplicaCount ?? 0)) || current == 0)
            {
                // paused-scale-out blocks the 0→N step; nothing else happens this round.
            }
            else if (request.IsError)
            {
                ScaledObjectConditions.Set(conditions, ConditionTypes.Ready, ConditionStatuses.Unknown,
                    ConditionReasons.PartialTriggerError, ConditionMessages.PartialTriggerError);
            }
            else
            {
                (lastActive, refreshed) = (ToStoredTime(now), true);
            }
        }
        else
        {
            EvaluateInactive(request, now, scaleSucceeded, action, describe, conditions, events);
        }

        SetActiveCondition(conditions, request.IsActive, forced);
        return new ScaleOutcome
        {
            Conditions = conditions,
            Events = events,
            LastActiveTime = lastActive,
            LastActiveTimeRefreshed = refreshed,
            TriggersActivity = TriggersActivity(so.Status, request.ActiveTriggers),
        };
    }

    private static void EvaluateInactive(
        ScaleRequest request, DateTime now, bool scaleSucceeded, ScaleAction action, string describe,
        List<Condition> conditions, List<ScaleEvent> events)
    {
        var so = request.ScaledObject;
        var fallback = so.Spec.Fallback;
        var idle = so.Spec.IdleReplicaCount;
        var min = so.Spec.MinReplicaCount ?? ScaledObjectDefaults.MinReplicaCount;
        var current = request.CurrentReplicas;

        if (request.IsError && fallback is not null && fallback.Replicas != 0)
        {
            // KEDA keeps the target up so the HPA can apply the fallback metric (the HPA is disabled at 0 replicas).
            return;
        }

        if (request.IsError && fallback is null)
        {
            ScaledObjectConditions.Set(conditions, ConditionTypes.Ready, ConditionStatuses.False,
                ConditionReasons.TriggerError, ConditionMessages.TriggerError);
            return;
        }

        if (!((idle is not null && current > idle) || (current > 0 && min == 0)))
        {
            return;
        }

        if (action == ScaleAction.ScaleToZeroOrIdle)
        {
            if (scaleSucceeded)
            {
                events.Add(ScaleEvent.NormalEvent(EventReasons.KedaScaleTargetDeactivated, $"Deactivated {describe}"));
                ScaledObjectConditions.Set(conditions, ConditionTypes.Active, ConditionStatuses.False,
                    ConditionReasons.ScalerNotActive, ConditionMessages.ScalerNotActive);
            }
            else
            {
                events.Add(ScaleEvent.WarningEvent(EventReasons.KedaScaleTargetDeactivationFailed, $"Failed to deactivate {describe}"));
            }

            return;
        }

        if (!ScaledObjectAnnotations.IsScaleInPaused(so.Metadata.Annotations) && !IsCooledDown(so, now))
        {
            ScaledObjectConditions.Set(conditions, ConditionTypes.Active, ConditionStatuses.False,
                ConditionReasons.ScalerCooldown, ConditionMessages.ScalerCooldown);
        }
    }

    // KEDA only rewrites Active when it is Unknown or its truth differs, so ScalerCooldown survives while inactive.
    private static void SetActiveCondition(List<Condition> conditions, bool isActive, bool forced)
    {
        var active = ScaledObjectConditions.Find(conditions, ConditionTypes.Active);
        var effective = isActive || forced;
        if (!ScaledObjectConditions.IsUnknown(active) && ScaledObjectConditions.IsTrue(active) == effective)
        {
            return;
        }

        if (isActive)
        {
            ScaledObjectConditions.Set(conditions, ConditionTypes.Active, ConditionStatuses.True,
                ConditionReasons.ScalerActive, ConditionMessages.ScalerActive);
        }
        else if (forced)
        {
            ScaledObjectConditions.Set(conditions, ConditionTypes.Active, ConditionStatuses.True,
                ConditionReasons.ScalerActive, ConditionMessages.ScalerActiveForced);
        }
        else
        {
            ScaledObjectConditions.Set(conditions, ConditionTypes.Active, ConditionStatuses.False,
                ConditionReasons.ScalerNotActive, ConditionMessages.ScalerNotActive);
        }
    }

    /// <summary>
    /// Scale-in is allowed once <c>lastActiveTime + cooldownPeriod</c> is before now, or, never active yet, once
    /// <c>creationTimestamp + initialCooldownPeriod</c> is.
    /// </summary>
    internal static bool IsCooledDown(ScaledObject so, DateTime now)
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

    // KEDA writes activity for every external metric name and drops stale entries, only when something changed.
    private static Dictionary<string, bool>? TriggersActivity(ScaledObjectStatus? status, IReadOnlyList<string> activeTriggers)
    {
        var names = status?.ExternalMetricNames ?? [];
        var existing = status?.TriggersActivity;
        var desired = names.Distinct(StringComparer.Ordinal).ToDictionary(n => n, activeTriggers.Contains, StringComparer.Ordinal);
        if (existing is null)
        {
            return desired.Count > 0 ? desired : null;
        }

        var unchanged = desired.Count == existing.Count
            && desired.All(p => existing.TryGetValue(p.Key, out var s) && s.IsActive == p.Value);
        return unchanged ? null : desired;
    }

    private static string Describe(ScaledObject so, int from, int to) => string.Format(
        CultureInfo.InvariantCulture, "{0} {1}/{2} from {3} to {4}",
        so.Status?.ScaleTargetKind, so.Metadata.NamespaceProperty, so.Spec.ScaleTargetRef.Name, from, to);
}
