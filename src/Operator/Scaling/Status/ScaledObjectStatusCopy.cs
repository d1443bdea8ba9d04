using Operator.Api;

namespace Operator.Scaling.Status;

/// <summary>Deep copies of <see cref="ScaledObjectStatus"/>, so a poll step can return a new status without touching the old.</summary>
public static class ScaledObjectStatusCopy
{
    public static ScaledObjectStatus Of(ScaledObjectStatus? status) => status is null
        ? new ScaledObjectStatus()
        : new ScaledObjectStatus
        {
            ScaleTargetKind = status.ScaleTargetKind,
            ScaleTargetGvkr = status.ScaleTargetGvkr is { } gvkr
                ? new GroupVersionKindResource { Group = gvkr.Group, Version = gvkr.Version, Kind = gvkr.Kind, Resource = gvkr.Resource }
                : null,
            OriginalReplicaCount = status.OriginalReplicaCount,
            LastActiveTime = status.LastActiveTime,
            ExternalMetricNames = status.ExternalMetricNames is null ? null : [.. status.ExternalMetricNames],
            ResourceMetricNames = status.ResourceMetricNames is null ? null : [.. status.ResourceMetricNames],
            CompositeScalerName = status.CompositeScalerName,
            Conditions = status.Conditions is null ? null : ScaledObjectConditions.Clone(status.Conditions),
            Health = status.Health?.ToDictionary(
                p => p.Key, p => new HealthStatus { NumberOfFailures = p.Value.NumberOfFailures, Status = p.Value.Status }, StringComparer.Ordinal),
            PausedReplicaCount = status.PausedReplicaCount,
            HpaName = status.HpaName,
            TriggersTypes = status.TriggersTypes,
            AuthenticationsTypes = status.AuthenticationsTypes,
            TriggersActivity = status.TriggersActivity?.ToDictionary(
                p => p.Key, p => new TriggerActivityStatus { IsActive = p.Value.IsActive }, StringComparer.Ordinal),
        };

    /// <summary>True when both serialize to the same JSON (what a status patch would send).</summary>
    public static bool AreEqual(ScaledObjectStatus? left, ScaledObjectStatus? right) =>
        string.Equals(KedaJson.Serialize(left), KedaJson.Serialize(right), StringComparison.Ordinal);
}
