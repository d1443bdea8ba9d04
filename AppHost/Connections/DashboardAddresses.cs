using Microsoft.Extensions.Configuration;

namespace AppHost.Connections;

/// <summary>
/// Where the dashboard really listens: the allocated endpoints of Aspire's <c>aspire-dashboard</c> resource (under
/// Aspire.Hosting.Testing its ports are random, so the launch profile's values are stale), else the configuration.
/// </summary>
internal static class DashboardAddresses
{
    private const string DashboardResource = "aspire-dashboard";
    private const string OtlpGrpcEndpoint = "otlp-grpc";

    /// <summary>The dashboard's frontend URL (no login token).</summary>
    public static string? Frontend(DistributedApplicationModel model, IConfiguration configuration) =>
        Allocated(model, e => e.Name is not (OtlpGrpcEndpoint or "otlp-http") && e.UriScheme is "http" or "https")
        ?? (configuration["ASPNETCORE_URLS"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();

    /// <summary>The OTLP/gRPC endpoint programs export to.</summary>
    public static string? OtlpGrpc(DistributedApplicationModel model, IConfiguration configuration) =>
        Allocated(model, e => e.Name == OtlpGrpcEndpoint)
        ?? configuration["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] ?? configuration["DOTNET_DASHBOARD_OTLP_ENDPOINT_URL"];

    private static string? Allocated(DistributedApplicationModel model, Func<EndpointAnnotation, bool> match) =>
        model.Resources.FirstOrDefault(r => r.Name == DashboardResource)?.Annotations.OfType<EndpointAnnotation>()
            .Where(e => e.AllocatedEndpoint is not null && match(e))
            .Select(e => e.AllocatedEndpoint!.UriString)
            .FirstOrDefault();
}
