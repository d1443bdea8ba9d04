using Operator.Api;

namespace Operator.Validation;

/// <summary>KEDA's <c>ValidateTriggers</c>, shared by ScaledObjects and ScaledJobs.</summary>
public static class TriggerRules
{
    /// <summary>Null when valid, else KEDA's first error.</summary>
    public static string? ValidateTriggers(IReadOnlyList<ScaleTrigger>? triggers)
    {
        if (triggers is null || triggers.Count == 0)
        {
            return "no triggers defined in the ScaledObject/ScaledJob";
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var trigger in triggers)
        {
            if (trigger.UseCachedMetrics && trigger.Type is "cpu" or "memory" or "cron")
            {
                return $"property \"useCachedMetrics\" is not supported for \"{trigger.Type}\" scaler";
            }

            // Empty names are not checked (KEDA only tracks non-empty names).
            if (!string.IsNullOrEmpty(trigger.Name) && !names.Add(trigger.Name))
            {
                return $"triggerName \"{trigger.Name}\" is defined multiple times in the ScaledObject/ScaledJob, but it must be unique";
            }
        }

        return null;
    }

    public static bool IsResourceTrigger(ScaleTrigger trigger) => trigger.Type is "cpu" or "memory";
}
