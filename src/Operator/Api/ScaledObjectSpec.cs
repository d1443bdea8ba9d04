using System.Text.Json.Serialization;

namespace Operator.Api;

/// <summary>Spec of a ScaledObject; nullable numbers are unset in the YAML (defaults live in <see cref="ScaledObjectDefaults"/>).</summary>
public sealed class ScaledObjectSpec
{
    [JsonPropertyName("scaleTargetRef")]
    public ScaleTarget ScaleTargetRef { get; set; } = new();

    [JsonPropertyName("pollingInterval")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? PollingInterval { get; set; }

    [JsonPropertyName("initialCooldownPeriod")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? InitialCooldownPeriod { get; set; }

    [JsonPropertyName("cooldownPeriod")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? CooldownPeriod { get; set; }

    [JsonPropertyName("idleReplicaCount")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? IdleReplicaCount { get; set; }

    [JsonPropertyName("minReplicaCount")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MinReplicaCount { get; set; }

    [JsonPropertyName("maxReplicaCount")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxReplicaCount { get; set; }

    [JsonPropertyName("advanced")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AdvancedConfig? Advanced { get; set; }

    [JsonPropertyName("triggers")]
    public List<ScaleTrigger> Triggers { get; set; } = [];

    [JsonPropertyName("fallback")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Fallback? Fallback { get; set; }
}
