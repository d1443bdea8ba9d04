using System.Globalization;
using AppHost.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AppHost.ServiceBus;

/// <summary><c>AddServiceBus("servicebus").AddQueue("orders")</c>, shaped like Aspire's Service Bus emulator hosting.</summary>
public static class ServiceBusBuilderExtensions
{
    /// <summary>
    /// Runs the LocalServiceBus program (<paramref name="assembly"/>) with an emulator Config.json written under
    /// <paramref name="stateDirectory"/>; healthy when the management port answers <c>/health</c>.
    /// </summary>
    public static IResourceBuilder<ServiceBusResource> AddServiceBus(
        this IDistributedApplicationBuilder builder, string name, string assembly, string stateDirectory)
    {
        var amqp = FreePort.Next();
        var http = FreePort.Next();
        var config = Path.Combine(stateDirectory, name, "Config.json");
        var serviceBus = new ServiceBusResource(name, "dotnet", Path.GetDirectoryName(assembly)!);
        builder.Eventing.Subscribe<BeforeStartEvent>((_, cancellationToken) =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(config)!);
            return File.WriteAllTextAsync(config, EmulatorConfig.Render(serviceBus.Queues), cancellationToken);
        });
        return builder.AddResource(serviceBus)
            .WithEndpoint(port: amqp, targetPort: amqp, scheme: "tcp", name: ServiceBusResource.AmqpEndpointName, isProxied: false)
            .WithHttpEndpoint(port: http, targetPort: http, name: ServiceBusResource.ManagementEndpointName, isProxied: false)
            .WithArgs(
                assembly,
                "--config",
                config,
                "--amqp-port",
                amqp.ToString(CultureInfo.InvariantCulture),
                "--http-port",
                http.ToString(CultureInfo.InvariantCulture))
            .WithHttpHealthCheck("/health", endpointName: ServiceBusResource.ManagementEndpointName);
    }

    /// <summary>Declares a queue (default properties) in the emulator's Config.json.</summary>
    public static IResourceBuilder<ServiceBusResource> AddQueue(this IResourceBuilder<ServiceBusResource> builder, string queueName)
    {
        builder.Resource.Queues.Add(queueName);
        return builder;
    }
}
