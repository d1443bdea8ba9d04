using System.Text.Json.Serialization;

namespace Operator.Api;

/// <summary>An entry of <c>boundServiceAccountToken</c>: parameter ← a token requested for a service account.</summary>
public sealed class BoundServiceAccountToken
{
    [JsonPropertyName("parameter")]
    public string Parameter { get; set; } = "";

    [JsonPropertyName("serviceAccountName")]
    public string ServiceAccountName { get; set; } = "";
}
