using System.Text.Json.Serialization;

namespace Operator.Api;

/// <summary>Status of a ScaledObject, field for field as KEDA writes it.</summary>
public sealed class ScaledObjectStatus
{
    [JsonPropertyName("scaleTargetKind")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ScaleTargetKind { get; set; }

    [JsonPropertyName("scaleTargetGVKR")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GroupVersionKindResource? ScaleTargetGvkr { get; set; }

    [JsonPropertyName("originalReplicaCount")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? OriginalReplicaCount { get; set; }

    [JsonPropertyName("lastActiveTime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTime? LastActiveTime { get; set; }

    [JsonPropertyName("externalMetricNames")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? ExternalMetricNames { get; set; }

    [JsonPropertyName("resourceMetricNames")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? ResourceMetricNames { get; set; }

    [JsonPropertyName("compositeScalerName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CompositeScalerName { get; set; }

    [JsonPropertyName("conditions")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<Condition>? Conditions { get; set; }

    [JsonPropertyName("health")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, HealthStatus>? Health { get; set; }

    [JsonPropertyName("pausedReplicaCount")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? PausedReplicaCount { get; set; }

    [JsonPropertyName("hpaName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? HpaName { get; set; }

    [JsonPropertyName("triggersTypes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TriggersTypes { get; set; }

    [JsonPropertyName("authenticationsTypes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AuthenticationsTypes { get; set; }

    [JsonPropertyName("triggersActivity")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, TriggerActivityStatus>? TriggersActivity { get; set; }
}

/// <summary><c>status.scaleTargetGVKR</c>.</summary>
public sealed class GroupVersionKindResource
{
    [JsonPropertyName("group")]
    public string Group { get; set; } = "";

    [JsonPropertyName("version")]
    public string Version { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("resource")]
    public string Resource { get; set; } = "";

    /// <summary>KEDA's <c>GVKString()</c>: <c>group/version.Kind</c>, e.g. <c>apps/v1.Deployment</c>.</summary>
    public string GvkString() => $"{Group}/{Version}.{Kind}";
}

/// <summary>Per-metric health kept while a valid fallback is configured.</summary>
public sealed class HealthStatus
{
    [JsonPropertyName("numberOfFailures")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? NumberOfFailures { get; set; }

    /// <summary><c>Happy</c> or <c>Failing</c>.</summary>
    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Status { get; set; }
}

/// <summary>Per-metric activity written after each poll.</summary>
public sealed class TriggerActivityStatus
{
    [JsonPropertyName("isActive")]
    public bool IsActive { get; set; }
}
