using System.Globalization;
using AppHost.Hosting;
using AppHost.Kubernetes;

namespace AppHost.Operator;

/// <summary><c>AddOperator("operator")</c>: the autoscaler as a host process of the <c>kubernetes</c> resource.</summary>
internal static class OperatorBuilderExtensions
{
    /// <summary>
    /// Runs <c>dotnet <paramref name="assembly"/> run --kubeconfig …</c> once <paramref name="cluster"/> is healthy, on
    /// fixed free ports (the adapter's port is advertised to the cluster, so it must not be proxied), exporting traces
    /// and logs to the dashboard; healthy when <c>/readyz</c> answers (informers synced, APIService registered). When
    /// the cluster runs elsewhere (k3s in a container) the adapter binds to the address the cluster reaches the host
    /// on (<c>--adapter-address</c>), which its self-registered EndpointSlice then names.
    /// </summary>
    public static IResourceBuilder<OperatorResource> AddOperator(
        this IDistributedApplicationBuilder builder, string name, string assembly, IResourceBuilder<IKubernetesClusterResource> cluster)
    {
        var metrics = FreePort.Next();
        var health = FreePort.Next();
        var adapter = FreePort.Next();
        var kubeconfig = cluster.Resource.KubeconfigPath;
        var resource = new OperatorResource(name, "dotnet", Path.GetDirectoryName(assembly)!) { Assembly = assembly, Kubeconfig = kubeconfig };
        return builder.AddResource(resource)
            .WithHttpEndpoint(port: metrics, targetPort: metrics, name: OperatorResource.MetricsEndpointName, isProxied: false)
            .WithHttpEndpoint(port: health, targetPort: health, name: OperatorResource.HealthEndpointName, isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add(assembly);
                context.Args.Add("run");
                context.Args.Add("--kubeconfig");
                context.Args.Add(kubeconfig);
                context.Args.Add("--metrics-port");
                context.Args.Add(metrics.ToString(CultureInfo.InvariantCulture));
                context.Args.Add("--health-port");
                context.Args.Add(health.ToString(CultureInfo.InvariantCulture));
                context.Args.Add("--adapter-port");
                context.Args.Add(adapter.ToString(CultureInfo.InvariantCulture));
                // Known once the cluster is healthy, which the operator waits for.
                if (cluster.Resource.Setup.HostAddress is { } address)
                {
                    context.Args.Add("--adapter-address");
                    context.Args.Add(address);
                }
            })
            .WithOtlpExporter()
            .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "1000")
            .WithEnvironment("OTEL_BLRP_SCHEDULE_DELAY", "1000")
            .WithHttpHealthCheck("/readyz", endpointName: OperatorResource.HealthEndpointName)
            .WithReferenceRelationship(cluster.Resource)
            .WaitFor(cluster);
    }

    /// <summary>
    /// The sample's Service Bus trigger connection names the emulator's management (HTTP) port; the decision spans' trace
    /// links peek over AMQP, on the port given here (<c>SERVICEBUS_EMULATOR_AMQP_PORT</c>).
    /// </summary>
    public static IResourceBuilder<OperatorResource> WithServiceBusAmqpPort(this IResourceBuilder<OperatorResource> @operator, EndpointReference amqp) =>
        @operator.WithEnvironment("SERVICEBUS_EMULATOR_AMQP_PORT", ReferenceExpression.Create($"{amqp.Property(EndpointProperty.Port)}"));
}
