using System.Globalization;
using AppHost.Hosting;
using AppHost.Kubernetes;

namespace AppHost.Operator;

/// <summary><c>AddOperator("operator")</c>: the autoscaler as a host process of the embedded (or any) cluster.</summary>
public static class OperatorBuilderExtensions
{
    /// <summary>
    /// Runs <c>dotnet <paramref name="assembly"/> run --kubeconfig …</c> once <paramref name="cluster"/> is healthy, on
    /// fixed free ports (the adapter's port is advertised to the cluster, so it must not be proxied), exporting traces
    /// and logs to the dashboard; healthy when <c>/readyz</c> answers (informers synced, APIService registered).
    /// </summary>
    public static IResourceBuilder<OperatorResource> AddOperator(
        this IDistributedApplicationBuilder builder, string name, string assembly, IResourceBuilder<EmbeddedKubernetesResource> cluster)
    {
        var metrics = FreePort.Next();
        var health = FreePort.Next();
        var adapter = FreePort.Next();
        var kubeconfig = cluster.Resource.KubeconfigPath;
        var resource = new OperatorResource(name, "dotnet", Path.GetDirectoryName(assembly)!) { Assembly = assembly, Kubeconfig = kubeconfig };
        return builder.AddResource(resource)
            .WithHttpEndpoint(port: metrics, targetPort: metrics, name: OperatorResource.MetricsEndpointName, isProxied: false)
            .WithHttpEndpoint(port: health, targetPort: health, name: OperatorResource.HealthEndpointName, isProxied: false)
            .WithArgs(
                assembly,
                "run",
                "--kubeconfig",
                kubeconfig,
                "--metrics-port",
                metrics.ToString(CultureInfo.InvariantCulture),
                "--health-port",
                health.ToString(CultureInfo.InvariantCulture),
                "--adapter-port",
                adapter.ToString(CultureInfo.InvariantCulture))
            .WithOtlpExporter()
            .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "1000")
            .WithEnvironment("OTEL_BLRP_SCHEDULE_DELAY", "1000")
            .WithHttpHealthCheck("/readyz", endpointName: OperatorResource.HealthEndpointName)
            .WithReferenceRelationship(cluster.Resource)
            .WaitFor(cluster);
    }
}
