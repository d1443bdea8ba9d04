using k8s.Models;

namespace Kubernetes.Controller.Autoscaling;

/// <summary>The target's /scale as the HPA reads it.</summary>
/// <param name="SpecReplicas">scale.spec.replicas (the HPA's "current replicas").</param>
/// <param name="StatusReplicas">scale.status.replicas.</param>
/// <param name="Selector">scale.status.selector (label selector string).</param>
public sealed record ScaleSnapshot(int SpecReplicas, int StatusReplicas, string? Selector);

/// <summary>The outcome of one HPA sync before the /scale write.</summary>
public sealed class HpaDecision
{
    public required string Key { get; init; }

    public required int CurrentReplicas { get; init; }

    public required int DesiredReplicas { get; set; }

    public required bool Rescale { get; set; }

    public string RescaleReason { get; init; } = "";

    /// <summary>Set when no replica count could be computed from the metrics; the HPA does not scale.</summary>
    public string? Error { get; init; }

    public List<V2MetricStatus>? CurrentMetrics { get; init; }

    public required List<V2HorizontalPodAutoscalerCondition> Conditions { get; init; }

    public List<HpaEvent> Events { get; } = [];
}
