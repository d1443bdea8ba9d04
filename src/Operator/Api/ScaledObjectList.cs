using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Operator.Api;

/// <summary>A list of ScaledObject objects as returned by the API server.</summary>
public sealed class ScaledObjectList : IKubernetesObject<V1ListMeta>, IItems<ScaledObject>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = $"{ScaledObject.KubeGroup}/{ScaledObject.KubeVersion}";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "ScaledObjectList";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<ScaledObject> Items { get; set; } = [];
}
