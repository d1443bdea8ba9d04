using k8s.Models;
using Operator.Api;
using Operator.Scaling.Status;

namespace Operator.Scaling.Hpa;

/// <summary>
/// KEDA's <c>getHPAHealth</c>/<c>checkHPAHealth</c> (2.20.2+): the HPA's <c>ScalingActive</c> condition mirrored into
/// the ScaledObject's lazily added <c>HPAActive</c> condition; Ready is never affected.
/// </summary>
public static class HpaHealth
{
    /// <summary>
    /// The HPAActive condition for <paramref name="hpa"/>, or null when the HPA cannot be observed (not read, or no
    /// <c>ScalingActive</c> condition yet), in which case the previous HPAActive must be left untouched.
    /// </summary>
    public static Condition? Evaluate(V2HorizontalPodAutoscaler? hpa)
    {
        var scalingActive = hpa?.Status?.Conditions?.FirstOrDefault(c => c.Type == "ScalingActive");
        if (scalingActive is null)
        {
            return null;
        }

        if (scalingActive.Status == ConditionStatuses.True)
        {
            return new Condition { Type = ConditionTypes.HpaActive, Status = ConditionStatuses.True, Reason = ConditionReasons.HpaActive, Message = scalingActive.Message ?? "" };
        }

        // ScalingDisabled means the target is at 0 replicas, which KEDA manages itself: healthy, but distinguishable.
        if (scalingActive.Reason == ConditionReasons.HpaScalingDisabled)
        {
            return new Condition { Type = ConditionTypes.HpaActive, Status = ConditionStatuses.True, Reason = ConditionReasons.HpaScalingDisabled, Message = scalingActive.Message ?? "" };
        }

        var message = string.IsNullOrEmpty(scalingActive.Message) ? scalingActive.Reason ?? "" : $"{scalingActive.Reason}: {scalingActive.Message}";
        return new Condition { Type = ConditionTypes.HpaActive, Status = ConditionStatuses.False, Reason = ConditionReasons.HpaMetricsUnavailable, Message = message };
    }

    /// <summary>Writes the HPAActive condition when the HPA could be observed; returns true when the status changed.</summary>
    public static bool Apply(ScaledObjectStatus status, V2HorizontalPodAutoscaler? hpa) =>
        Evaluate(hpa) is { } condition
        && ScaledObjectConditions.Set(status, condition.Type, condition.Status, condition.Reason, condition.Message);
}
