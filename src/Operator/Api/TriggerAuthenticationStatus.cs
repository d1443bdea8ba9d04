using System.Text.Json.Serialization;

namespace Operator.Api;

/// <summary>Status of a (Cluster)TriggerAuthentication: comma-joined names of the objects using it.</summary>
public sealed class TriggerAuthenticationStatus
{
    [JsonPropertyName("scaledobjects")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ScaledObjects { get; set; }

    [JsonPropertyName("scaledjobs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ScaledJobs { get; set; }
}
