using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Operator.Api;

/// <summary>A list of ClusterTriggerAuthentication objects as returned by the API server.</summary>
public sealed class ClusterTriggerAuthenticationList : IKubernetesObject<V1ListMeta>, IItems<ClusterTriggerAuthentication>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = $"{ClusterTriggerAuthentication.KubeGroup}/{ClusterTriggerAuthentication.KubeVersion}";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "ClusterTriggerAuthenticationList";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<ClusterTriggerAuthentication> Items { get; set; } = [];
}
