using k8s.Models;
using Operator.Api;

namespace Operator.Scaling.Hpa;

/// <summary>
/// The HPA KEDA would create for a ScaledObject, with the status fields derived alongside it, or KEDA's error.
/// </summary>
public sealed record HpaGenerationResult
{
    public V2HorizontalPodAutoscaler? Hpa { get; init; }

    /// <summary>KEDA's message when the HPA cannot be generated (e.g. duplicate metric names).</summary>
    public string? Error { get; init; }

    /// <summary><c>status.hpaName</c>: the configured name or <c>keda-hpa-&lt;name&gt;</c>.</summary>
    public string? HpaName => Hpa?.Metadata?.Name;

    /// <summary>The HPA's <c>spec.metrics</c>, in KEDA's order.</summary>
    public IReadOnlyList<V2MetricSpec> Metrics { get; init; } = [];

    /// <summary><c>status.externalMetricNames</c>, in trigger order.</summary>
    public IReadOnlyList<string> ExternalMetricNames { get; init; } = [];

    /// <summary><c>status.resourceMetricNames</c> (only non-container cpu/memory specs).</summary>
    public IReadOnlyList<string> ResourceMetricNames { get; init; } = [];

    /// <summary><c>status.compositeScalerName</c>: <c>composite-metric</c> when scalingModifiers replace the external metrics.</summary>
    public string? CompositeScalerName { get; init; }

    /// <summary><c>status.health</c> pruned to the current external metric names.</summary>
    public Dictionary<string, HealthStatus> Health { get; init; } = [];

    public bool IsSuccess => Hpa is not null && Error is null;

    public static HpaGenerationResult Failure(string error) => new() { Error = error };
}
