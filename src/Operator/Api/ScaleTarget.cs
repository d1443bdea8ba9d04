using System.Text.Json.Serialization;

namespace Operator.Api;

/// <summary><c>spec.scaleTargetRef</c>: the workload a ScaledObject scales (default <c>apps/v1</c> Deployment).</summary>
public sealed class ScaleTarget
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("apiVersion")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kind { get; set; }

    [JsonPropertyName("envSourceContainerName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EnvSourceContainerName { get; set; }
}
