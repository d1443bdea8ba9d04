using Operator.Api;
using Operator.Scaling.Events;
using Operator.Scaling.Executor;
using Operator.Scaling.Fallbacks;
using Operator.Scaling.Hpa;
using Operator.Scaling.Modifiers;
using Operator.Scaling.Status;

namespace Operator.Scaling;

/// <summary>
/// One poll of one ScaledObject as a pure function (KEDA's <c>checkScalers</c>: <c>getScaledObjectState</c>, then
/// <c>RequestScale</c>, then <c>checkHPAHealth</c>): scaler results, current replicas and the clock in; the new status,
/// the replica write and the events out. The ScaledObject handed in is never modified, so steps cannot depend on
/// each other's side effects: fallback returns health, scalingModifiers read that health explicitly, the decision
/// table starts from a copy that already carries the Fallback condition.
/// </summary>
/// <remarks>
/// How the scale loop calls it, once per <c>pollingInterval</c> (or when a push scaler wakes it):
/// <list type="number">
/// <item>take the ScaledObject from the informer cache; read the target's <c>/scale</c> (replicas, or the error);
/// count Running+Ready pods only when <see cref="FallbackEvaluator.NeedsReadyReplicas"/> says so;</item>
/// <item>for each trigger, ask its scaler for each External metric spec
/// (<c>GetMetricsAndActivityAsync(spec.External.Metric.Name)</c>) and build a <see cref="TriggerPoll"/>
/// (<see cref="TriggerPoll.Resource"/> for cpu/memory);</item>
/// <item><c>var result = step.Poll(input)</c>;</item>
/// <item>when <see cref="ScalePollResult.TargetReplicas"/> is set, write it to <c>/scale</c>;</item>
/// <item><c>var outcome = result.For(writeSucceeded)</c>: record <see cref="ScalePollOutcome.Events"/>, and patch
/// <see cref="ScalePollOutcome.Status"/> only when <see cref="ScalePollOutcome.StatusChanged"/>;</item>
/// <item>keep <see cref="ScalePollResult.Triggers"/> as the metric cache for <c>useCachedMetrics</c>.</item>
/// </list>
/// </remarks>
internal sealed class ScalePollStep(TimeProvider timeProvider)
{
    private readonly ScaleDecider _decider = new(timeProvider);

    public ScalePollResult Poll(ScalePollInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var so = input.ScaledObject;
        var previousHealth = input.Health ?? so.Status?.Health;
        var events = new List<ScaleEvent>();

        var states = new List<TriggerState>(input.Triggers.Count);
        var healthUpdates = new List<KeyValuePair<string, HealthStatus>>();
        var metricToTrigger = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var trigger in input.Triggers)
        {
            if (trigger.MetricSpec is null || trigger.MetricName.Length == 0)
            {
                // No External metric: cpu/memory (served by the metrics server), or a scaler that could not be built.
                if (trigger.Result?.Error is { } buildError)
                {
                    events.Add(ScaleEvent.WarningEvent(EventReasons.KedaScalerFailed, buildError));
                    states.Add(new TriggerState(trigger.TriggerType, "", false, true, [], buildError));
                }
                else
                {
                    states.Add(new TriggerState(trigger.TriggerType, "", false, false, []));
                }

                continue;
            }

            if (trigger.Result is null)
            {
                states.Add(new TriggerState(trigger.TriggerType, trigger.MetricName, false, false, []));
                continue;
            }

            if (trigger.Result.Error is { } scalerError)
            {
                events.Add(ScaleEvent.WarningEvent(EventReasons.KedaScalerFailed, scalerError));
            }

            var afterFallback = FallbackEvaluator.Apply(so, trigger.MetricName, trigger.Result.Metrics, trigger.Result.Error,
                trigger.MetricSpec, input.CurrentReplicas, input.ReadyReplicas, previousHealth);
            if (afterFallback.Health is { } entry)
            {
                healthUpdates.Add(new(trigger.MetricName, entry));
            }

            if (!string.IsNullOrEmpty(trigger.TriggerName))
            {
                metricToTrigger[trigger.MetricName] = trigger.TriggerName;
            }

            states.Add(TriggerState.FromPoll(trigger.TriggerType, trigger.MetricName, trigger.Result, afterFallback));
        }

        var health = FallbackEvaluator.Merge(previousHealth, healthUpdates);
        var composite = so.IsUsingModifiers() ? CompositeActivity.For(so, input.Formula, metricToTrigger, health) : null;
        var activity = ActivityAggregator.Aggregate(so, states, composite);
        if (activity.Error is { } aggregationError)
        {
            // KEDA records a formula that cannot be evaluated as a KEDAScalerFailed warning; the poll counts as errored.
            events.Add(ScaleEvent.WarningEvent(EventReasons.KedaScalerFailed, aggregationError));
        }

        var working = ScaledObjectStatusCopy.Of(so.Status);
        working.Health = health;
        if (healthUpdates.Count > 0)
        {
            var condition = FallbackEvaluator.FallbackCondition(so, health);
            ScaledObjectConditions.Set(working, condition.Type, condition.Status, condition.Reason, condition.Message);
        }

        if (FallbackEvents.ForTransition(FallbackEvaluator.IsFallbackActive(so, previousHealth), FallbackEvaluator.IsFallbackActive(so, health)) is { } transition)
        {
            events.Add(transition);
        }

        var view = new ScaledObject { ApiVersion = so.ApiVersion, Kind = so.Kind, Metadata = so.Metadata, Spec = so.Spec, Status = working };
        if (input.CurrentReplicas is not int current)
        {
            var unavailable = Outcome(so, working, ScaleDecider.CurrentReplicasUnavailable(view, input.CurrentReplicasError ?? "unknown"), events, input);
            return new ScalePollResult { Triggers = states, Activity = activity, Health = health, OnSuccess = unavailable, OnFailure = unavailable };
        }

        var decision = _decider.Decide(new ScaleRequest(view, current, activity.IsActive, activity.IsError, activity.ActiveTriggers));
        var onSuccess = Outcome(so, working, decision.OnSuccess, events, input);
        return new ScalePollResult
        {
            Triggers = states,
            Activity = activity,
            Health = health,
            Rule = decision.Rule,
            Action = decision.Action,
            TargetReplicas = decision.TargetReplicas,
            OnSuccess = onSuccess,
            OnFailure = ReferenceEquals(decision.OnSuccess, decision.OnFailure) ? onSuccess : Outcome(so, working, decision.OnFailure, events, input),
        };
    }

    private static ScalePollOutcome Outcome(ScaledObject so, ScaledObjectStatus working, ScaleOutcome decided, List<ScaleEvent> pollEvents, ScalePollInput input)
    {
        var status = ScaledObjectStatusCopy.Of(working);
        decided.ApplyTo(status);
        HpaHealth.Apply(status, input.Hpa);
        return new ScalePollOutcome(status, [.. pollEvents, .. decided.Events], !ScaledObjectStatusCopy.AreEqual(so.Status, status));
    }
}
