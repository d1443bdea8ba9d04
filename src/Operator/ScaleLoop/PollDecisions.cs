using System.Globalization;
using Operator.Decisions;
using Operator.Scaling;
using Operator.Scaling.Executor;

namespace Operator.ScaleLoop;

/// <summary>Turns one poll's result into the decision record <c>explain</c> prints: the rule that decided, in plain words.</summary>
internal static class PollDecisions
{
    public static DecisionRecord For(
        DateTimeOffset now, ScalePollResult result, int? current, bool succeeded, IReadOnlyList<TriggerObservation> observations, string? traceId)
    {
        var from = current?.ToString(CultureInfo.InvariantCulture) ?? "?";
        var to = result.TargetReplicas;
        var (rule, summary) = result.Rule switch
        {
            null => (DecisionRules.Error, $"kept replicas: the target's current replicas could not be read"),
            ScaleRule.Activate => (DecisionRules.Activation, $"scaled {from}→{to} because {Cause(observations)}"),
            ScaleRule.Deactivate => (DecisionRules.ScaleToZero, $"scaled {from}→{to} because no trigger is active and the cooldown has passed"),
            ScaleRule.EnforceMinReplicas => (DecisionRules.MinReplicas, $"scaled {from}→{to} to reach minReplicaCount"),
            ScaleRule.Paused when to is not null => (DecisionRules.Pause, $"scaled {from}→{to} because paused-replicas is {to}"),
            ScaleRule.Paused => (DecisionRules.Pause, $"kept {from} replicas: paused"),
            ScaleRule.ActivationBlocked => (DecisionRules.Pause, $"kept {from} replicas: active, but paused-scale-out blocks scaling out"),
            ScaleRule.DeactivationBlocked => (DecisionRules.Pause, $"kept {from} replicas: inactive, but paused-scale-in blocks scaling in"),
            ScaleRule.KeptForFallback => (DecisionRules.Fallback, $"kept {from} replicas: a trigger failed, fallback replicas are served to the HPA"),
            ScaleRule.TriggerError => (DecisionRules.Error, $"kept {from} replicas: a trigger failed ({FirstError(result, observations)})"),
            ScaleRule.ActivePartialError => (DecisionRules.Hpa, $"kept {from} replicas: active, some triggers failed ({FirstError(result, observations)})"),
            ScaleRule.Active => (DecisionRules.Hpa, $"kept {from} replicas: active, the HPA scales between min and max"),
            ScaleRule.CoolingDown => (DecisionRules.Cooldown, $"kept {from} replicas: no trigger is active, cooling down"),
            _ => (DecisionRules.ScaleToZero, $"kept {from} replicas: no trigger is active"),
        };
        if (!succeeded)
        {
            summary = "failed: " + summary;
        }

        return new DecisionRecord
        {
            Time = now,
            Triggers = observations,
            IsActive = result.Activity.IsActive,
            Rule = rule,
            Summary = summary,
            ReplicasBefore = current,
            ReplicasWritten = succeeded ? to : null,
            TraceId = traceId,
        };
    }

    private static string FirstError(ScalePollResult result, IReadOnlyList<TriggerObservation> observations) =>
        result.Activity.Error ?? observations.FirstOrDefault(o => o.Error is not null)?.Error ?? "unknown error";

    private static string Cause(IReadOnlyList<TriggerObservation> observations)
    {
        var active = observations.FirstOrDefault(o => o.IsActive);
        if (active is null)
        {
            return "activation is forced or a formula made it active";
        }

        var threshold = active.ActivationThreshold is double t
            ? string.Create(CultureInfo.InvariantCulture, $" > activationThreshold {t}")
            : " is active";
        return string.Create(CultureInfo.InvariantCulture, $"trigger {active.Index} ({active.Type}) = {active.Value}{threshold}");
    }
}
