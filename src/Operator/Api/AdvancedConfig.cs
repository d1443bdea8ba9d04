using System.Text.Json.Serialization;
using k8s.Models;

namespace Operator.Api;

/// <summary><c>spec.advanced</c> of a ScaledObject.</summary>
public sealed class AdvancedConfig
{
    [JsonPropertyName("horizontalPodAutoscalerConfig")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public HorizontalPodAutoscalerConfig? HorizontalPodAutoscalerConfig { get; set; }

    [JsonPropertyName("restoreToOriginalReplicaCount")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool RestoreToOriginalReplicaCount { get; set; }

    [JsonPropertyName("scalingModifiers")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ScalingModifiers? ScalingModifiers { get; set; }
}

/// <summary><c>spec.advanced.horizontalPodAutoscalerConfig</c>: HPA name and behavior copied verbatim.</summary>
public sealed class HorizontalPodAutoscalerConfig
{
    [JsonPropertyName("name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; set; }

    [JsonPropertyName("behavior")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public V2HorizontalPodAutoscalerBehavior? Behavior { get; set; }
}

/// <summary><c>spec.advanced.scalingModifiers</c>: a formula over named triggers producing <c>composite-metric</c>.</summary>
public sealed class ScalingModifiers
{
    [JsonPropertyName("formula")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Formula { get; set; }

    [JsonPropertyName("target")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Target { get; set; }

    [JsonPropertyName("activationTarget")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ActivationTarget { get; set; }

    [JsonPropertyName("metricType")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MetricType { get; set; }
}
