using System.Text.Json;
using System.Text.Json.Serialization;

namespace Operator.Adapter;

/// <summary>Wire shapes of external.metrics.k8s.io/v1beta1 and metav1.Status, as the aggregation layer expects them.</summary>
internal static class ExternalMetricsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private static readonly string[] GetVerb = ["get"];

    public static object Discovery() => new
    {
        kind = "APIResourceList",
        apiVersion = "v1",
        groupVersion = ExternalMetricsApi.Group + "/" + ExternalMetricsApi.Version,
        resources = new object[]
        {
            new { name = "externalmetrics", singularName = "", @namespaced = true, kind = "ExternalMetricValueList", verbs = GetVerb },
        },
    };
}

internal sealed record ExternalMetricItem(
    [property: JsonPropertyName("metricName")] string MetricName,
    [property: JsonPropertyName("metricLabels")] IReadOnlyDictionary<string, string>? MetricLabels,
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("value")] string Value);

internal sealed record ExternalMetricList([property: JsonPropertyName("items")] IReadOnlyList<ExternalMetricItem> Items)
{
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "ExternalMetricValueList";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; init; } = ExternalMetricsApi.Group + "/" + ExternalMetricsApi.Version;

    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; } = new Dictionary<string, string>();
}

internal sealed record ApiStatus(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("code")] int Code)
{
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "Status";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; init; } = "v1";

    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; } = new Dictionary<string, string>();

    [JsonPropertyName("status")]
    public string Status { get; init; } = "Failure";
}
