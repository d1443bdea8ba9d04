using System.Text.Json.Serialization;
using k8s.Models;
using Operator.Api;

namespace Operator.Manifests;

/// <summary>A <c>keda.sh/v1alpha1</c> ScaledJob, with the fields <c>validate</c> checks.</summary>
public sealed class ScaledJobManifest
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public ScaledJobSpec Spec { get; set; } = new();
}

/// <summary><c>spec</c> of a ScaledJob.</summary>
public sealed class ScaledJobSpec
{
    [JsonPropertyName("jobTargetRef")]
    public V1JobSpec? JobTargetRef { get; set; }

    [JsonPropertyName("pollingInterval")]
    public int? PollingInterval { get; set; }

    [JsonPropertyName("successfulJobsHistoryLimit")]
    public int? SuccessfulJobsHistoryLimit { get; set; }

    [JsonPropertyName("failedJobsHistoryLimit")]
    public int? FailedJobsHistoryLimit { get; set; }

    [JsonPropertyName("envSourceContainerName")]
    public string? EnvSourceContainerName { get; set; }

    [JsonPropertyName("minReplicaCount")]
    public int? MinReplicaCount { get; set; }

    [JsonPropertyName("maxReplicaCount")]
    public int? MaxReplicaCount { get; set; }

    [JsonPropertyName("triggers")]
    public List<ScaleTrigger> Triggers { get; set; } = [];
}
