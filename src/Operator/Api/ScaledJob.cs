using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Operator.Api;

/// <summary>KEDA's <c>keda.sh/v1alpha1</c> ScaledJob (short name <c>sj</c>): runs Jobs per pending event.</summary>
public sealed class ScaledJob : IKubernetesObject<V1ObjectMeta>, ISpec<ScaledJobSpec>, IStatus<ScaledJobStatus?>
{
    public const string KubeGroup = "keda.sh";
    public const string KubeVersion = "v1alpha1";
    public const string KubeKind = "ScaledJob";
    public const string KubePlural = "scaledjobs";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = $"{KubeGroup}/{KubeVersion}";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public ScaledJobSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ScaledJobStatus? Status { get; set; }

    /// <summary>KEDA's <c>MinReplicaCount()</c>: spec value capped at max, 0 when unset.</summary>
    public long GetMinReplicaCount()
    {
        if (Spec.MinReplicaCount is not { } min)
        {
            return ScaledJobDefaults.MinReplicaCount;
        }

        // KEDA compares against maxReplicaCount without a nil check; an unset max means no cap here.
        return Spec.MaxReplicaCount is { } max && min > max ? max : min;
    }

    /// <summary>KEDA's <c>MaxReplicaCount()</c>: spec max minus the min (the jobs kept above the floor), 100 when unset.</summary>
    public long GetMaxReplicaCount() =>
        Spec.MaxReplicaCount is { } max ? max - GetMinReplicaCount() : ScaledJobDefaults.MaxReplicaCount;
}
