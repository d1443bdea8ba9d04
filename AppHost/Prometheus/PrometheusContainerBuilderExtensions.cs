namespace AppHost.Prometheus;

/// <summary><c>AddPrometheusContainer("prometheus")</c>: <c>prom/prometheus</c> with the same generated config the embedded profile's binary runs.</summary>
internal static class PrometheusContainerBuilderExtensions
{
    public const string Image = "prom/prometheus";
    public const string Tag = "v3.2.1";

    /// <summary>
    /// Runs the image with <c>prometheus.yml</c> generated under <paramref name="stateDirectory"/> and bind-mounted
    /// read-only, healthy when <c>/-/ready</c> answers.
    /// </summary>
    public static IResourceBuilder<PrometheusContainerResource> AddPrometheusContainer(
        this IDistributedApplicationBuilder builder, string name, string stateDirectory, IEnumerable<string>? scrapeTargets = null)
    {
        var config = PrometheusConfig.Write(Path.Combine(stateDirectory, name), scrapeTargets ?? []);
        return builder.AddResource(new PrometheusContainerResource(name))
            .WithImage(Image, Tag)
            .WithHttpEndpoint(targetPort: PrometheusContainerResource.HttpPort, name: PrometheusContainerResource.HttpEndpointName)
            .WithBindMount(config, PrometheusContainerResource.ConfigPath, isReadOnly: true)
            .WithArgs($"--config.file={PrometheusContainerResource.ConfigPath}", "--storage.tsdb.path=/prometheus")
            .WithHttpHealthCheck("/-/ready", endpointName: PrometheusContainerResource.HttpEndpointName);
    }
}
