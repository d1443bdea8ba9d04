using System.Globalization;
using Operator.Api;
using Operator.Scaling.Events;
using Operator.Scaling.Status;

namespace Operator.Scaling.Executor;

/// <summary>
/// KEDA's scale decision (<c>pkg/scaling/executor/scale_scaledobjects.go RequestScale</c>) as a pure function of the
/// ScaledObject, the current replicas, the trigger activity and the injected clock. The table's predicates are
/// evaluated once (<see cref="ScalePlan"/>); the outcomes for a successful and a failed write are derived from that
/// one plan. The request's ScaledObject is never modified.
/// </summary>
internal sealed class ScaleDecider(TimeProvider timeProvider)
{
    public ScaleDecision Decide(ScaleRequest request)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var plan = ScalePlan.For(request, now);
        var onSuccess = Outcome(request, plan, now, scaleSucceeded: true);
        return new ScaleDecision
        {
            Rule = plan.Rule,
            Action = plan.Action,
            TargetReplicas = plan.Action == ScaleAction.None ? null : plan.Target,
            OnSuccess = onSuccess,
            OnFailure = plan.Action == ScaleAction.None ? onSuccess : Outcome(request, plan, now, scaleSucceeded: false),
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

    private static ScaleOutcome Outcome(ScaleRequest request, ScalePlan plan, DateTime now, bool scaleSucceeded)
    {
        var so = request.ScaledObject;
        var conditions = ScaledObjectConditions.Clone(so.Status?.Conditions);
        var events = new List<ScaleEvent>();
        var lastActive = so.Status?.LastActiveTime;
        var refreshed = false;

        ScaledObjectConditions.Set(conditions, ConditionTypes.Ready, ConditionStatuses.True,
            ConditionReasons.ScaledObjectReady, ConditionMessages.ReadySuccess);

        var describe = Describe(so, plan.Current, plan.Target);
        switch (plan.Rule)
        {
            case ScaleRule.Paused:
                // Paused: the controller owns the replicas; the loop only reports Paused and leaves Active alone.
                ScaledObjectConditions.Set(conditions, ConditionTypes.Paused, ConditionStatuses.True,
                    ConditionReasons.ScaledObjectPaused, ConditionMessages.Paused);
                var pinned = ScaledObjectAnnotations.TryGetPausedReplicas(so.Metadata.Annotations, out var paused, out _)
                    && (plan.Action == ScaleAction.None || scaleSucceeded) ? paused : null;
                return new ScaleOutcome { Conditions = conditions, LastActiveTime = lastActive, PausedReplicaCount = pinned };
            case ScaleRule.Activate when scaleSucceeded:
                var cause = plan.Forced
                    ? "caused by forced activation annotation"
                    : "triggered by " + string.Join(';', request.ActiveTriggers);
                events.Add(ScaleEvent.NormalEvent(EventReasons.KedaScaleTargetActivated, $"Scaled {describe}, {cause}"));
                (lastActive, refreshed) = (ToStoredTime(now), true);
                break;
            case ScaleRule.Activate:
                // KEDA's message really says "Failed to scaled".
                events.Add(ScaleEvent.WarningEvent(EventReasons.KedaScaleTargetActivationFailed, $"Failed to scaled {describe}"));
                break;
            case ScaleRule.ActivePartialError:
                ScaledObjectConditions.Set(conditions, ConditionTypes.Ready, ConditionStatuses.Unknown,
                    ConditionReasons.PartialTriggerError, ConditionMessages.PartialTriggerError);
                break;
            case ScaleRule.Active:
                (lastActive, refreshed) = (ToStoredTime(now), true);
                break;
            case ScaleRule.TriggerError:
                ScaledObjectConditions.Set(conditions, ConditionTypes.Ready, ConditionStatuses.False,
                    ConditionReasons.TriggerError, ConditionMessages.TriggerError);
                break;
            case ScaleRule.Deactivate when scaleSucceeded:
                events.Add(ScaleEvent.NormalEvent(EventReasons.KedaScaleTargetDeactivated, $"Deactivated {describe}"));
                ScaledObjectConditions.Set(conditions, ConditionTypes.Active, ConditionStatuses.False,
                    ConditionReasons.ScalerNotActive, ConditionMessages.ScalerNotActive);
                break;
            case ScaleRule.Deactivate:
                events.Add(ScaleEvent.WarningEvent(EventReasons.KedaScaleTargetDeactivationFailed, $"Failed to deactivate {describe}"));
                break;
            case ScaleRule.CoolingDown:
                ScaledObjectConditions.Set(conditions, ConditionTypes.Active, ConditionStatuses.False,
                    ConditionReasons.ScalerCooldown, ConditionMessages.ScalerCooldown);
                break;
            default:
                // ActivationBlocked, KeptForFallback, DeactivationBlocked, EnforceMinReplicas, Inactive: no status change.
                break;
        }

        SetActiveCondition(conditions, request.IsActive, plan.Forced);
        return new ScaleOutcome
        {
            Conditions = conditions,
            Events = events,
            LastActiveTime = lastActive,
            LastActiveTimeRefreshed = refreshed,
            TriggersActivity = TriggersActivity(so.Status, request.ActiveTriggers),
        };
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
