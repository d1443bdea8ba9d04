using AppHost.Kubernetes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AppHost.Connections;

/// <summary>Writes the connection details for other terminals once the cluster is healthy and prints the next step.</summary>
internal static class EnvironmentFilesBuilderExtensions
{
    public static void AddEnvironmentFiles(
        this IDistributedApplicationBuilder builder,
        string stateDirectory,
        IResourceBuilder<IKubernetesClusterResource> kubernetes,
        IEnumerable<IResourceWithConnectionString> connections)
    {
        var files = new EnvironmentFiles(stateDirectory);
        var sources = connections.ToList();
        builder.Eventing.Subscribe<ResourceReadyEvent>(kubernetes.Resource, async (e, cancellationToken) =>
        {
            var configuration = e.Services.GetRequiredService<IConfiguration>();
            var logger = e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AppHost");
            var values = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["KUBECONFIG"] = kubernetes.Resource.KubeconfigPath,
            };
            foreach (var source in sources)
            {
                values[$"ConnectionStrings__{source.Name}"] = await source.ConnectionStringExpression.GetValueAsync(cancellationToken) ?? "";
            }

            var model = e.Services.GetRequiredService<DistributedApplicationModel>();
            var login = EnvironmentFiles.DashboardLoginUrl(DashboardAddresses.Frontend(model, configuration), configuration);
            if (login is not null)
            {
                values["DASHBOARD_URL"] = login;
            }

            if (configuration["AppHost:DashboardApiKey"] is { Length: > 0 } apiKey)
            {
                values["DASHBOARD_API_KEY"] = apiKey;
            }

            // So a generator run from a second terminal sends its spans to the same dashboard.
            if (DashboardAddresses.OtlpGrpc(model, configuration) is { Length: > 0 } otlp)
            {
                values["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp;
                values["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc";
                if (configuration["AppHost:OtlpApiKey"] is { Length: > 0 } otlpKey)
                {
                    values["OTEL_EXPORTER_OTLP_HEADERS"] = $"x-otlp-api-key={otlpKey}";
                }
            }

            await files.WriteAsync(values, cancellationToken);
            e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(files.Remove);
            EnvironmentLog.Ready(logger, login ?? "(no dashboard)", files.EnvironmentPath, files.KubeconfigPath);
        });
    }
}
