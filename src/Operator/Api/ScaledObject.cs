using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Operator.Api;

/// <summary>KEDA's <c>keda.sh/v1alpha1</c> ScaledObject (short name <c>so</c>).</summary>
public sealed class ScaledObject : IKubernetesObject<V1ObjectMeta>, ISpec<ScaledObjectSpec>, IStatus<ScaledObjectStatus?>
{
    public const string KubeGroup = "keda.sh";
    public const string KubeVersion = "v1alpha1";
    public const string KubeKind = "ScaledObject";
    public const string KubePlural = "scaledobjects";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = $"{KubeGroup}/{KubeVersion}";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public ScaledObjectSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ScaledObjectStatus? Status { get; set; }
}
