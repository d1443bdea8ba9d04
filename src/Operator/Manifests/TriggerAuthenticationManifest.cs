using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;

namespace Operator.Manifests;

/// <summary>
/// A <c>keda.sh/v1alpha1</c> TriggerAuthentication or ClusterTriggerAuthentication as <c>validate</c> reads it
/// (same spec for both kinds).
/// </summary>
public sealed class TriggerAuthenticationManifest
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public TriggerAuthenticationSpec Spec { get; set; } = new();
}

/// <summary><c>spec</c> of a TriggerAuthentication: the sources <c>validate</c> resolves offline plus the ones it cannot.</summary>
public sealed class TriggerAuthenticationSpec
{
    [JsonPropertyName("podIdentity")]
    public PodIdentitySpec? PodIdentity { get; set; }

    [JsonPropertyName("secretTargetRef")]
    public List<AuthTargetRef>? SecretTargetRef { get; set; }

    [JsonPropertyName("configMapTargetRef")]
    public List<AuthTargetRef>? ConfigMapTargetRef { get; set; }

    [JsonPropertyName("env")]
    public List<AuthEnvRef>? Env { get; set; }

    [JsonPropertyName("filePath")]
    public string? FilePath { get; set; }

    /// <summary>External secret stores (Vault, Key Vault, AWS/GCP secret managers, ...): not reachable offline.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}

/// <summary><c>spec.podIdentity</c> of a TriggerAuthentication.</summary>
public sealed class PodIdentitySpec
{
    [JsonPropertyName("provider")]
    public string Provider { get; set; } = "none";

    [JsonPropertyName("identityId")]
    public string? IdentityId { get; set; }

    [JsonPropertyName("identityTenantId")]
    public string? IdentityTenantId { get; set; }

    [JsonPropertyName("identityAuthorityHost")]
    public string? IdentityAuthorityHost { get; set; }

    [JsonPropertyName("roleArn")]
    public string? RoleArn { get; set; }

    [JsonPropertyName("identityOwner")]
    public string? IdentityOwner { get; set; }
}

/// <summary>One <c>secretTargetRef</c>/<c>configMapTargetRef</c> entry: auth parameter ← key of a Secret/ConfigMap.</summary>
public sealed class AuthTargetRef
{
    [JsonPropertyName("parameter")]
    public string Parameter { get; set; } = "";

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("key")]
    public string Key { get; set; } = "";
}

/// <summary>One <c>env</c> entry: auth parameter ← environment variable of a scale-target container.</summary>
public sealed class AuthEnvRef
{
    [JsonPropertyName("parameter")]
    public string Parameter { get; set; } = "";

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("containerName")]
    public string? ContainerName { get; set; }
}
