using System.Globalization;
using Operator.Api;
using Operator.Decisions;

namespace Operator.Cli;

/// <summary>Prints a ScaledObject's status and its recent decisions in plain words (the body of <c>explain</c>).</summary>
internal static class ExplainText
{
    public static async Task WriteStatusAsync(TextWriter output, ScaledObject scaledObject)
    {
        var status = scaledObject.Status;
        var target = scaledObject.Spec.ScaleTargetRef;
        await output.WriteLineAsync($"ScaledObject {scaledObject.Metadata.NamespaceProperty}/{scaledObject.Metadata.Name}").ConfigureAwait(false);
        await output.WriteLineAsync($"  target:   {status?.ScaleTargetKind ?? target.Kind ?? "Deployment"} {target.Name}").ConfigureAwait(false);
        await output.WriteLineAsync(
            $"  replicas: min {scaledObject.Spec.MinReplicaCount ?? 0}, max {scaledObject.GetHpaMaxReplicas()}; HPA {status?.HpaName ?? "(none)"}").ConfigureAwait(false);
        await output.WriteLineAsync($"  triggers: {status?.TriggersTypes ?? string.Join(",", scaledObject.Spec.Triggers.Select(t => t.Type))}")
            .ConfigureAwait(false);
        if (status?.LastActiveTime is { } lastActive)
        {
            await output.WriteLineAsync($"  last active: {lastActive.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z")
                .ConfigureAwait(false);
        }

        await output.WriteLineAsync("Conditions:").ConfigureAwait(false);
        var conditions = status?.Conditions ?? [];
        if (conditions.Count == 0)
        {
            await output.WriteLineAsync("  (none yet: the operator has not reconciled this ScaledObject)").ConfigureAwait(false);
        }

        foreach (var condition in conditions)
        {
            var reason = string.IsNullOrEmpty(condition.Reason) ? "" : $" ({condition.Reason})";
            var message = string.IsNullOrEmpty(condition.Message) ? "" : $": {condition.Message}";
            await output.WriteLineAsync($"  {condition.Type} = {condition.Status}{reason}{message}").ConfigureAwait(false);
        }
    }

    public static async Task WriteDecisionsAsync(TextWriter output, IReadOnlyList<DecisionRecord> decisions)
    {
        await output.WriteLineAsync("Recent decisions (oldest first):").ConfigureAwait(false);
        if (decisions.Count == 0)
        {
            await output.WriteLineAsync("  (none recorded yet)").ConfigureAwait(false);
        }

        foreach (var decision in decisions)
        {
            await output.WriteLineAsync("  " + Describe(decision)).ConfigureAwait(false);
            foreach (var trigger in decision.Triggers)
            {
                await output.WriteLineAsync("      " + Describe(trigger)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One decision as a sentence: "scaled 0→1 at 12:00:03 because trigger 0 (prometheus) = 35 > activationThreshold 0.5".</summary>
    public static string Describe(DecisionRecord decision)
    {
        var time = decision.Time.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var what = (decision.ReplicasBefore, decision.ReplicasWritten) switch
        {
            ({ } before, { } written) => $"scaled {before}→{written}",
            (null, { } written) => $"scaled to {written}",
            ({ } before, null) => $"kept {before} replicas",
            _ => "no change",
        };
        return $"{what} at {time} because {Because(decision)} [rule: {decision.Rule}]";
    }

    public static string Describe(TriggerObservation trigger) => Describe(trigger, withOutcome: true);

    private static string Describe(TriggerObservation trigger, bool withOutcome)
    {
        var name = $"trigger {trigger.Index} ({trigger.Type}{(trigger.Name is null ? "" : " " + trigger.Name)})";
        if (trigger.Error is not null)
        {
            return $"{name} failed: {trigger.Error}";
        }

        var value = Number(trigger.Value);
        var activation = trigger.ActivationThreshold is { } threshold
            ? $" {(trigger.IsActive ? ">" : "<=")} activationThreshold {Number(threshold)}"
            : "";
        var target = trigger.Target is { } t ? $", target {Number(t)}" : "";
        return $"{name} = {value}{activation}{target}" + (withOutcome ? $" → {(trigger.IsActive ? "active" : "inactive")}" : "");
    }

    private static string Because(DecisionRecord decision)
    {
        var deciding = decision.Rule switch
        {
            DecisionRules.Activation => decision.Triggers.Where(t => t.IsActive && t.Error is null).ToList(),
            DecisionRules.Error or DecisionRules.Fallback => decision.Triggers.Where(t => t.Error is not null).ToList(),
            _ => [],
        };
        return deciding.Count > 0 ? string.Join(" and ", deciding.Select(t => Describe(t, withOutcome: false))) : decision.Summary;
    }

    private static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "?";
}
