using System.Text.Json.Serialization;

namespace Operator.Api;

/// <summary><c>spec.podIdentity</c> of a TriggerAuthentication: the platform identity to authenticate with.</summary>
public sealed class AuthPodIdentity
{
    /// <summary><c>azure-workload</c>, <c>gcp</c>, <c>aws</c>, <c>aws-eks</c> or <c>none</c>.</summary>
    [JsonPropertyName("provider")]
    public string Provider { get; set; } = "";

    [JsonPropertyName("identityId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IdentityId { get; set; }

    [JsonPropertyName("identityTenantId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IdentityTenantId { get; set; }

    [JsonPropertyName("identityAuthorityHost")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IdentityAuthorityHost { get; set; }

    [JsonPropertyName("roleArn")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RoleArn { get; set; }

    /// <summary><c>keda</c> or <c>workload</c>; mutually exclusive with <see cref="RoleArn"/>.</summary>
    [JsonPropertyName("identityOwner")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IdentityOwner { get; set; }

    [JsonPropertyName("externalID")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ExternalId { get; set; }
}
