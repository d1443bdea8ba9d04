using System.Text.Json.Serialization;

namespace Operator.Api;

/// <summary>One entry of <c>spec.triggers</c> (KEDA's <c>ScaleTriggers</c>).</summary>
public sealed class ScaleTrigger
{
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    [JsonPropertyName("name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; set; }

    [JsonPropertyName("useCachedMetrics")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool UseCachedMetrics { get; set; }

    [JsonPropertyName("metadata")]
    public Dictionary<string, string> Metadata { get; set; } = [];

    [JsonPropertyName("authenticationRef")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AuthenticationRef? AuthenticationRef { get; set; }

    /// <summary><c>AverageValue</c> (empty), <c>Value</c>, or <c>Utilization</c> (cpu/memory only).</summary>
    [JsonPropertyName("metricType")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MetricType { get; set; }
}
