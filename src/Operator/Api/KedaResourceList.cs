using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Operator.Api;

/// <summary>A list of <c>keda.sh/v1alpha1</c> resources as returned by the API server.</summary>
public abstract class KedaResourceList<T> : IKubernetesObject<V1ListMeta>, IItems<T>
{
    protected KedaResourceList(string kind) => Kind = kind;

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "keda.sh/v1alpha1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; }

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<T> Items { get; set; } = [];
}
