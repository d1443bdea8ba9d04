namespace Operator.Scalers.Prometheus;

/// <summary>Constants of the Prometheus scaler (KEDA's <c>prometheus_scaler.go</c> and its auth helpers).</summary>
internal static class PrometheusDefaults
{
    /// <summary>Trigger type.</summary>
    public const string TriggerType = "prometheus";

    /// <summary>Metric name suffix: the HPA sees <c>s&lt;index&gt;-prometheus</c>.</summary>
    public const string MetricName = "prometheus";

    /// <summary>Instant-query path appended to <c>serverAddress</c>.</summary>
    public const string QueryPath = "/api/v1/query";

    /// <summary>SigV4 service name of Amazon Managed Service for Prometheus.</summary>
    public const string AwsService = "aps";

    /// <summary>Refresh an Azure token this long before it expires.</summary>
    public static readonly TimeSpan TokenRefreshMargin = TimeSpan.FromMinutes(5);

    /// <summary>Azure Managed Prometheus token scope per cloud (KEDA's <c>azureManagedPrometheusResourceURLInCloud</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> AzureScopes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["AZUREPUBLICCLOUD"] = "https://prometheus.monitor.azure.com/.default",
        ["AZUREUSGOVERNMENTCLOUD"] = "https://prometheus.monitor.usgovcloudapi.net/.default",
        ["AZURECHINACLOUD"] = "https://prometheus.monitor.chinacloudapp.cn/.default",
    };

    /// <summary>Cloud names go-autorest's <c>EnvironmentFromName</c> knows (compared case-insensitively).</summary>
    public static readonly IReadOnlyDictionary<string, string> AzureCloudNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["AZURECHINACLOUD"] = "AzureChinaCloud",
        ["AZUREGERMANCLOUD"] = "AzureGermanCloud",
        ["AZUREPUBLICCLOUD"] = "AzurePublicCloud",
        ["AZUREUSGOVERNMENTCLOUD"] = "AzureUSGovernmentCloud",
    };
}
