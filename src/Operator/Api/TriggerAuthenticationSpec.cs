using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Operator.Api;

/// <summary>
/// Spec shared by TriggerAuthentication and ClusterTriggerAuthentication. The external secret stores
/// (Vault, Key Vault, GCP/AWS secret managers) are kept as raw JSON so they round-trip losslessly.
/// </summary>
public sealed class TriggerAuthenticationSpec
{
    [JsonPropertyName("podIdentity")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AuthPodIdentity? PodIdentity { get; set; }

    [JsonPropertyName("secretTargetRef")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<AuthTargetRef>? SecretTargetRef { get; set; }

    [JsonPropertyName("env")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<AuthEnvironment>? Env { get; set; }

    [JsonPropertyName("configMapTargetRef")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<AuthTargetRef>? ConfigMapTargetRef { get; set; }

    [JsonPropertyName("boundServiceAccountToken")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<BoundServiceAccountToken>? BoundServiceAccountToken { get; set; }

    [JsonPropertyName("hashiCorpVault")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? HashiCorpVault { get; set; }

    [JsonPropertyName("azureKeyVault")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? AzureKeyVault { get; set; }

    [JsonPropertyName("gcpSecretManager")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? GcpSecretManager { get; set; }

    /// <summary>OAuth2 client-credentials settings (<c>type</c>, <c>clientId</c>, <c>tokenUrl</c>, ...).</summary>
    [JsonPropertyName("oauth2")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? OAuth2 { get; set; }

    [JsonPropertyName("awsSecretManager")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? AwsSecretManager { get; set; }
}
