using System.Text.Json.Serialization;

namespace Operator.Api;

/// <summary>An entry of <c>env</c>: parameter ← an environment variable of the scale target's container.</summary>
public sealed class AuthEnvironment
{
    [JsonPropertyName("parameter")]
    public string Parameter { get; set; } = "";

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("containerName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ContainerName { get; set; }
}
