using System.Text.Json.Serialization;

namespace Operator.Api;

/// <summary><c>spec.scalingStrategy</c> of a ScaledJob.</summary>
public sealed class ScalingStrategy
{
    /// <summary><c>default</c>, <c>custom</c>, <c>accurate</c> or <c>eager</c>.</summary>
    [JsonPropertyName("strategy")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Strategy { get; set; }

    [JsonPropertyName("customScalingQueueLengthDeduction")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? CustomScalingQueueLengthDeduction { get; set; }

    /// <summary>A float as a string, e.g. <c>"0.5"</c>.</summary>
    [JsonPropertyName("customScalingRunningJobPercentage")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CustomScalingRunningJobPercentage { get; set; }

    [JsonPropertyName("pendingPodConditions")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? PendingPodConditions { get; set; }

    /// <summary><c>max</c> (default), <c>min</c>, <c>avg</c> or <c>sum</c>.</summary>
    [JsonPropertyName("multipleScalersCalculation")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MultipleScalersCalculation { get; set; }
}
