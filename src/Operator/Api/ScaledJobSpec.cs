using System.Text.Json.Serialization;
using k8s.Models;

namespace Operator.Api;

/// <summary>Spec of a ScaledJob; nullable fields are unset in the YAML (defaults in <see cref="ScaledJobDefaults"/>).</summary>
public sealed class ScaledJobSpec
{
    [JsonPropertyName("jobTargetRef")]
    public V1JobSpec? JobTargetRef { get; set; }

    [JsonPropertyName("pollingInterval")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? PollingInterval { get; set; }

    [JsonPropertyName("successfulJobsHistoryLimit")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? SuccessfulJobsHistoryLimit { get; set; }

    [JsonPropertyName("failedJobsHistoryLimit")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? FailedJobsHistoryLimit { get; set; }

    /// <summary>Deprecated in KEDA in favour of <see cref="Rollout"/>: <c>default</c> or <c>gradual</c>.</summary>
    [JsonPropertyName("rolloutStrategy")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RolloutStrategy { get; set; }

    [JsonPropertyName("rollout")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Rollout? Rollout { get; set; }

    [JsonPropertyName("envSourceContainerName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EnvSourceContainerName { get; set; }

    [JsonPropertyName("minReplicaCount")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MinReplicaCount { get; set; }

    [JsonPropertyName("maxReplicaCount")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxReplicaCount { get; set; }

    [JsonPropertyName("scalingStrategy")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ScalingStrategy? ScalingStrategy { get; set; }

    [JsonPropertyName("triggers")]
    public List<ScaleTrigger> Triggers { get; set; } = [];
}
