using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Operator.Api;

/// <summary>The envelope every <c>keda.sh/v1alpha1</c> resource shares: type meta, object meta, spec, optional status.</summary>
public abstract class KedaResource<TSpec, TStatus> : IKubernetesObject<V1ObjectMeta>, ISpec<TSpec>, IStatus<TStatus?>
    where TSpec : new()
    where TStatus : class
{
    public const string KubeGroup = "keda.sh";
    public const string KubeVersion = "v1alpha1";
    public const string KubeApiVersion = $"{KubeGroup}/{KubeVersion}";

    protected KedaResource(string kind) => Kind = kind;

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KubeApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; }

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public TSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TStatus? Status { get; set; }
}
