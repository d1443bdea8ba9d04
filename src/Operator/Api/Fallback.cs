using System.Text.Json.Serialization;

namespace Operator.Api;

/// <summary><c>spec.fallback</c>: replicas to report after <c>failureThreshold</c> consecutive scaler failures.</summary>
public sealed class Fallback
{
    [JsonPropertyName("failureThreshold")]
    public int FailureThreshold { get; set; }

    [JsonPropertyName("replicas")]
    public int Replicas { get; set; }

    /// <summary><c>static</c> (CRD default), <c>currentReplicas</c>, <c>currentReplicasIfHigher</c>, <c>currentReplicasIfLower</c>, <c>scalingModifiers</c>.</summary>
    [JsonPropertyName("behavior")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Behavior { get; set; }
}
