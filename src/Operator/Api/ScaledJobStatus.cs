using System.Text.Json.Serialization;

namespace Operator.Api;

/// <summary>Status of a ScaledJob, field for field as KEDA writes it.</summary>
public sealed class ScaledJobStatus
{
    [JsonPropertyName("lastActiveTime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTime? LastActiveTime { get; set; }

    [JsonPropertyName("conditions")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<Condition>? Conditions { get; set; }

    /// <summary>KEDA's <c>Paused</c> field, serialized as <c>isPaused</c> (a string, e.g. <c>"true"</c>).</summary>
    [JsonPropertyName("isPaused")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Paused { get; set; }

    /// <summary>The same flag under the <c>Paused</c> name older KEDA releases wrote; kept so such objects round-trip.</summary>
    [JsonPropertyName("Paused")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LegacyPaused { get; set; }

    [JsonPropertyName("triggersTypes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TriggersTypes { get; set; }

    [JsonPropertyName("authenticationsTypes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AuthenticationsTypes { get; set; }
}
