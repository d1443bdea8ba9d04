namespace AppHost.Prometheus;

/// <summary><c>AddPrometheus("prometheus")</c>: Debian's binary as an executable resource, or a resource that says how to install it.</summary>
public static class PrometheusBuilderExtensions
{
    public const string InstallHint = "prometheus is not installed: sudo apt-get install prometheus (Debian/Ubuntu), then restart the AppHost";

    /// <summary>
    /// Runs <c>prometheus</c> from PATH with a generated config under <paramref name="stateDirectory"/>, healthy when
    /// <c>/-/ready</c> answers. When the binary is missing the resource prints <see cref="InstallHint"/> and exits;
    /// nothing else waits on it, so the rest of the environment runs.
    /// </summary>
    public static IResourceBuilder<PrometheusResource> AddPrometheus(
        this IDistributedApplicationBuilder builder, string name, string stateDirectory, IEnumerable<string>? scrapeTargets = null)
    {
        var binary = ExecutableSearch.Find("prometheus");
        var directory = Path.Combine(stateDirectory, name);
        if (binary is null)
        {
            return builder.AddResource(new PrometheusResource(name, "/bin/sh", stateDirectory))
                .WithArgs("-c", $"echo '{InstallHint}' >&2; exit 1")
                .WithHttpEndpoint(name: PrometheusResource.HttpEndpointName);
        }

        var config = PrometheusConfig.Write(directory, scrapeTargets ?? []);
        var prometheus = new PrometheusResource(name, binary, directory);
        return builder.AddResource(prometheus)
            .WithHttpEndpoint(name: PrometheusResource.HttpEndpointName)
            .WithArgs(context =>
            {
                context.Args.Add($"--config.file={config}");
                context.Args.Add($"--storage.tsdb.path={Path.Combine(directory, "data")}");
                context.Args.Add(ReferenceExpression.Create(
                    $"--web.listen-address=127.0.0.1:{prometheus.HttpEndpoint.Property(EndpointProperty.TargetPort)}"));
            })
            .WithHttpHealthCheck("/-/ready", endpointName: PrometheusResource.HttpEndpointName);
    }
}
