using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Operator.Api;

/// <summary>A list of TriggerAuthentication objects as returned by the API server.</summary>
public sealed class TriggerAuthenticationList : IKubernetesObject<V1ListMeta>, IItems<TriggerAuthentication>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = $"{TriggerAuthentication.KubeGroup}/{TriggerAuthentication.KubeVersion}";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "TriggerAuthenticationList";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<TriggerAuthentication> Items { get; set; } = [];
}
