using k8s.Models;
using Kubernetes.Controller.Autoscaling;
using Operator.Api;
using Operator.Scaling.Status;

namespace Operator.Scaling.Direct;

/// <summary>
/// In direct mode no HPA exists to carry the HPA controller's conditions (AbleToScale, ScalingActive,
/// ScalingLimited), so they live in the ScaledObject's <c>status.conditions</c> next to KEDA's own (KEDA's schema
/// takes any condition type; <c>kubectl describe so</c> shows them). In <c>hpa</c> mode they belong on the HPA and are
/// removed from the ScaledObject.
/// </summary>
public static class DirectConditions
{
    public static IReadOnlyList<string> Types { get; } = [HpaConditions.AbleToScale, HpaConditions.ScalingActive, HpaConditions.ScalingLimited];

    /// <summary>The HPA conditions the ScaledObject holds, as the status of the HPA that direct mode never writes.</summary>
    public static List<V2HorizontalPodAutoscalerCondition> Of(ScaledObjectStatus? status) =>
        [.. status?.Conditions?.Where(c => Types.Contains(c.Type)).Select(c => new V2HorizontalPodAutoscalerCondition
        {
            Type = c.Type,
            Status = c.Status,
            Reason = c.Reason,
            Message = c.Message,
        }) ?? []];

    /// <summary><paramref name="status"/> with the HPA conditions set to <paramref name="conditions"/>; the same instance when nothing changes.</summary>
    public static ScaledObjectStatus With(ScaledObjectStatus status, IReadOnlyList<V2HorizontalPodAutoscalerCondition> conditions)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(conditions);
        var updated = ScaledObjectStatusCopy.Of(status);
        updated.Conditions = status.Conditions is null ? [] : ScaledObjectConditions.Clone(status.Conditions);
        var changed = false;
        foreach (var condition in conditions.Where(c => Types.Contains(c.Type)))
        {
            changed |= ScaledObjectConditions.Set(updated.Conditions, condition.Type, condition.Status, condition.Reason, condition.Message);
        }

        return changed ? updated : status;
    }

    /// <summary><paramref name="status"/> without HPA conditions; the same instance when it had none.</summary>
    public static ScaledObjectStatus Without(ScaledObjectStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.Conditions is not { } conditions || !conditions.Any(c => Types.Contains(c.Type)))
        {
            return status;
        }

        var updated = ScaledObjectStatusCopy.Of(status);
        updated.Conditions = [.. ScaledObjectConditions.Clone(conditions).Where(c => !Types.Contains(c.Type))];
        return updated;
    }
}
