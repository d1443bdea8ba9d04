using System.Text.Json.Serialization;

namespace EmbeddedKubernetes.Controllers.Metrics;

/// <summary>metrics.k8s.io/v1beta1 PodMetrics / NodeMetrics and external.metrics.k8s.io/v1beta1 values, as JSON.</summary>
public sealed class ResourceMetricsMeta
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("namespace")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Namespace { get; set; }

    [JsonPropertyName("labels")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IDictionary<string, string>? Labels { get; set; }

    [JsonPropertyName("creationTimestamp")]
    public string? CreationTimestamp { get; set; }
}

public sealed class ContainerMetrics
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("usage")]
    public IDictionary<string, string> Usage { get; set; } = new Dictionary<string, string>();
}

public sealed class PodMetrics
{
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "PodMetrics";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "metrics.k8s.io/v1beta1";

    [JsonPropertyName("metadata")]
    public ResourceMetricsMeta Metadata { get; set; } = new();

    [JsonPropertyName("timestamp")]
    public string Timestamp { get; set; } = "";

    [JsonPropertyName("window")]
    public string Window { get; set; } = "30s";

    [JsonPropertyName("containers")]
    public IList<ContainerMetrics> Containers { get; set; } = [];
}

public sealed class NodeMetrics
{
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "NodeMetrics";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "metrics.k8s.io/v1beta1";

    [JsonPropertyName("metadata")]
    public ResourceMetricsMeta Metadata { get; set; } = new();

    [JsonPropertyName("timestamp")]
    public string Timestamp { get; set; } = "";

    [JsonPropertyName("window")]
    public string Window { get; set; } = "30s";

    [JsonPropertyName("usage")]
    public IDictionary<string, string> Usage { get; set; } = new Dictionary<string, string>();
}

public sealed class MetricsList<T>
{
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "metrics.k8s.io/v1beta1";

    [JsonPropertyName("metadata")]
    public IDictionary<string, string> Metadata { get; set; } = new Dictionary<string, string>();

    [JsonPropertyName("items")]
    public IList<T> Items { get; set; } = [];
}

public sealed class ExternalMetricValue
{
    [JsonPropertyName("metricName")]
    public string MetricName { get; set; } = "";

    [JsonPropertyName("metricLabels")]
    public IDictionary<string, string>? MetricLabels { get; set; }

    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; set; }

    [JsonPropertyName("value")]
    public string Value { get; set; } = "0";
}

public sealed class ExternalMetricValueList
{
    [JsonPropertyName("items")]
    public IList<ExternalMetricValue> Items { get; set; } = [];
}
