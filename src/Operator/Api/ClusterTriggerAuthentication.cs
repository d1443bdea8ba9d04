using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Operator.Api;

/// <summary>KEDA's cluster-scoped ClusterTriggerAuthentication (short names <c>cta</c>, <c>clustertriggerauth</c>).</summary>
public sealed class ClusterTriggerAuthentication
    : IKubernetesObject<V1ObjectMeta>, ISpec<TriggerAuthenticationSpec>, IStatus<TriggerAuthenticationStatus?>
{
    public const string KubeGroup = "keda.sh";
    public const string KubeVersion = "v1alpha1";
    public const string KubeKind = "ClusterTriggerAuthentication";
    public const string KubePlural = "clustertriggerauthentications";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = $"{KubeGroup}/{KubeVersion}";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public TriggerAuthenticationSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TriggerAuthenticationStatus? Status { get; set; }
}
