using AppHost.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AppHost.Kafka;

/// <summary><c>AddKafka("kafka")</c>, shaped like Aspire.Hosting.Kafka's so the official package can replace it.</summary>
public static class KafkaBuilderExtensions
{
    /// <summary>
    /// Runs the LocalKafka program (<paramref name="assembly"/>) on a fixed free port with the given topics
    /// (<c>name:partitions</c>), healthy once the port accepts connections.
    /// </summary>
    public static IResourceBuilder<KafkaServerResource> AddKafka(
        this IDistributedApplicationBuilder builder, string name, string assembly, params string[] topics)
    {
        // The mock cluster advertises its own port in metadata, so clients must reach that port directly: no proxy.
        var port = FreePort.Next();
        var healthKey = $"{name}_tcp";
        builder.Services.AddHealthChecks().Add(new(healthKey, _ => new TcpHealthCheck(port), failureStatus: null, tags: null));
        var kafka = new KafkaServerResource(name, "dotnet", Path.GetDirectoryName(assembly)!);
        return builder.AddResource(kafka)
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: KafkaServerResource.PrimaryEndpointName, isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add(assembly);
                context.Args.Add("--port");
                context.Args.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
                foreach (var topic in topics)
                {
                    context.Args.Add("--topic");
                    context.Args.Add(topic);
                }
            })
            .WithHealthCheck(healthKey);
    }
}
