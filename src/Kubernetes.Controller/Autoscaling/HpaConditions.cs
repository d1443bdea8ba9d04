using k8s.Models;

namespace Kubernetes.Controller.Autoscaling;

/// <summary>Condition bookkeeping as upstream's setConditionInList: the transition time moves only when the status flips.</summary>
public static class HpaConditions
{
    public const string AbleToScale = "AbleToScale";
    public const string ScalingActive = "ScalingActive";
    public const string ScalingLimited = "ScalingLimited";
    public const string True = "True";
    public const string False = "False";

    public static void Set(List<V2HorizontalPodAutoscalerCondition> conditions, string type, string status,
        string reason, string message, DateTimeOffset now)
    {
        var existing = conditions.FindIndex(c => c.Type == type);
        if (existing < 0)
        {
            conditions.Add(new V2HorizontalPodAutoscalerCondition
            {
                Type = type,
                Status = status,
                Reason = reason,
                Message = message,
                LastTransitionTime = now.UtcDateTime,
            });
            return;
        }

        var condition = conditions[existing];
        if (condition.Status != status)
        {
            condition.LastTransitionTime = now.UtcDateTime;
        }

        condition.Status = status;
        condition.Reason = reason;
        condition.Message = message;
    }

    public static List<V2HorizontalPodAutoscalerCondition> Copy(IList<V2HorizontalPodAutoscalerCondition>? conditions) =>
        conditions?.Select(c => new V2HorizontalPodAutoscalerCondition
        {
            Type = c.Type,
            Status = c.Status,
            Reason = c.Reason,
            Message = c.Message,
            LastTransitionTime = c.LastTransitionTime,
        }).ToList() ?? [];
}
