using System.Text.Json.Serialization;
using Operator.Api;

namespace Operator.Cli;

/// <summary>The verdict on one ScaledObject or ScaledJob (one entry of <c>validate --output json</c>).</summary>
public sealed record ScalableObjectReport
{
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    [JsonPropertyName("namespace")]
    public required string Namespace { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary><c>file:line:column</c> of the object's document.</summary>
    [JsonPropertyName("source")]
    public required string Source { get; init; }

    [JsonPropertyName("valid")]
    public bool Valid => Errors.Count == 0;

    [JsonPropertyName("errors")]
    public required IReadOnlyList<string> Errors { get; init; }

    [JsonPropertyName("warnings")]
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>
    /// The scale target as KEDA records it in <c>status.scaleTargetGVKR</c> (its resource from the RESTMapper: the
    /// cluster's API discovery with <c>--kubeconfig</c>); null for a ScaledJob or a kind that cannot be mapped.
    /// </summary>
    [JsonPropertyName("scaleTargetGVKR")]
    public GroupVersionKindResource? ScaleTargetGvkr { get; init; }

    /// <summary>The HPA KEDA would create; null for a ScaledJob.</summary>
    [JsonPropertyName("hpa")]
    public HpaReport? Hpa { get; init; }

    [JsonPropertyName("triggers")]
    public required IReadOnlyList<TriggerReport> Triggers { get; init; }
}

/// <summary>Name and bounds of the HPA KEDA would generate for a ScaledObject, and its metric names in HPA order.</summary>
public sealed record HpaReport(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("minReplicas")] int MinReplicas,
    [property: JsonPropertyName("maxReplicas")] int MaxReplicas)
{
    /// <summary>The HPA's <c>spec.metrics</c> names (<c>composite-metric</c> with scalingModifiers); empty when not generated.</summary>
    [JsonPropertyName("metrics")]
    public IReadOnlyList<string> Metrics { get; init; } = [];
}

/// <summary>
/// One trigger: the HPA metric it produces and its thresholds as Kubernetes quantity strings (<c>"5"</c>,
/// <c>"100500m"</c>); metric fields are null when the trigger could not be built.
/// </summary>
public sealed record TriggerReport
{
    [JsonPropertyName("index")]
    public required int Index { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>HPA metric name: <c>s0-prometheus</c> for External metrics, <c>cpu</c>/<c>memory</c> for resources.</summary>
    [JsonPropertyName("metricName")]
    public string? MetricName { get; init; }

    /// <summary>HPA metric source: <c>External</c>, <c>Resource</c> or <c>ContainerResource</c>.</summary>
    [JsonPropertyName("metricSource")]
    public string? MetricSource { get; init; }

    /// <summary>Container of a <c>ContainerResource</c> metric.</summary>
    [JsonPropertyName("container")]
    public string? Container { get; init; }

    /// <summary>HPA target type: <c>AverageValue</c>, <c>Value</c> or <c>Utilization</c>.</summary>
    [JsonPropertyName("metricType")]
    public string? MetricType { get; init; }

    [JsonPropertyName("target")]
    public string? Target { get; init; }

    [JsonPropertyName("activationTarget")]
    public string? ActivationTarget { get; init; }
}
