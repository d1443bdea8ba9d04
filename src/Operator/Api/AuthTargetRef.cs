using System.Text.Json.Serialization;

namespace Operator.Api;

/// <summary>An entry of <c>secretTargetRef</c> or <c>configMapTargetRef</c>: parameter ← key of a named Secret/ConfigMap.</summary>
public sealed class AuthTargetRef
{
    [JsonPropertyName("parameter")]
    public string Parameter { get; set; } = "";

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("key")]
    public string Key { get; set; } = "";
}
