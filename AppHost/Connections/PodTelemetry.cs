using Microsoft.Extensions.Configuration;

namespace AppHost.Connections;

/// <summary>
/// What Aspire's <c>WithOtlpExporter</c> gives a project, for pods: the dashboard's OTLP/gRPC endpoint (as the pods
/// reach it), quick export and every trace sampled, and the OTLP API key when the dashboard wants one.
/// </summary>
internal static class PodTelemetry
{
    public static Dictionary<string, string> Environment(string otlpEndpoint, IConfiguration configuration)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["OTEL_TRACES_SAMPLER"] = "always_on",
        };
        if (configuration["AppHost:OtlpApiKey"] is { Length: > 0 } key)
        {
            environment["OTEL_EXPORTER_OTLP_HEADERS"] = $"x-otlp-api-key={key}";
        }

        return environment;
    }
}
