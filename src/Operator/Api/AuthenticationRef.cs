using System.Text.Json.Serialization;

namespace Operator.Api;

/// <summary><c>triggers[].authenticationRef</c>; kind defaults to TriggerAuthentication.</summary>
public sealed class AuthenticationRef
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("kind")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kind { get; set; }
}
