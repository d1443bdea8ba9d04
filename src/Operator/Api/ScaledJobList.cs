using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Operator.Api;

/// <summary>A list of ScaledJob objects as returned by the API server.</summary>
public sealed class ScaledJobList : IKubernetesObject<V1ListMeta>, IItems<ScaledJob>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = $"{ScaledJob.KubeGroup}/{ScaledJob.KubeVersion}";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "ScaledJobList";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<ScaledJob> Items { get; set; } = [];
}
