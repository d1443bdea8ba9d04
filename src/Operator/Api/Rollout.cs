using System.Text.Json.Serialization;

namespace Operator.Api;

/// <summary><c>spec.rollout</c> of a ScaledJob: what happens to running Jobs when the ScaledJob changes.</summary>
public sealed class Rollout
{
    /// <summary><c>default</c> (delete running jobs) or <c>gradual</c> (let them finish).</summary>
    [JsonPropertyName("strategy")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Strategy { get; set; }

    /// <summary><c>background</c> (default) or <c>foreground</c> deletion propagation.</summary>
    [JsonPropertyName("propagationPolicy")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PropagationPolicy { get; set; }
}
