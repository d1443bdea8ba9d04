using Azure.Core;
using Azure.Identity;
using Confluent.Kafka;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OrderContracts;
using OrderProcessor.Configuration;
using OrderProcessor.Kafka;
using OrderProcessor.Processing;
using OrderProcessor.ServiceBus;
using Reader = OrderProcessor.Configuration.OrderProcessorSettingsReader;

namespace OrderProcessor;

/// <summary>Wires the processor: service defaults, the configured transport's client and worker, metrics and endpoints.</summary>
internal static class OrderProcessorHost
{
    /// <summary>Configures the builder, or returns the configuration problems (each naming its key) and leaves it alone.</summary>
    public static IReadOnlyList<string> TryConfigure(WebApplicationBuilder builder)
    {
        var settings = Reader.Read(builder.Configuration, out var problems);
        if (problems.Count > 0)
        {
            return problems;
        }

        try
        {
            builder.AddServiceDefaults(OrderTelemetry.ProcessorSourceName);
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddPrometheusExporter());
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.ShutdownTimeout);
            builder.Services.TryAddSingleton(TimeProvider.System);
            builder.Services.AddSingleton(settings);
            builder.Services.AddSingleton<OrderMetrics>();
            builder.Services.AddSingleton<OrderHandler>();
            if (settings.Transport == OrderTransport.ServiceBus)
            {
                AddServiceBus(builder, settings);
            }
            else
            {
                AddKafka(builder, settings);
            }
        }
        catch (InvalidOperationException e)
        {
            return [e.Message];
        }

        return [];
    }

    public static void MapEndpoints(WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapPrometheusScrapingEndpoint();
    }

    private static void AddServiceBus(WebApplicationBuilder builder, OrderProcessorSettings settings)
    {
        var configuration = builder.Configuration;
        builder.AddAzureServiceBusClient(OrderDefaults.ServiceBusConnectionName, s =>
        {
            s.HealthCheckQueueName = settings.QueueName;
            if (settings.AuthMode == ServiceBusAuthMode.ConnectionString)
            {
                if (configuration[Reader.QueueConnectionStringKey] is { Length: > 0 } connectionString)
                {
                    s.ConnectionString = connectionString;
                }

                return;
            }

            s.ConnectionString = null;
            s.FullyQualifiedNamespace = settings.HostName;
            s.Credential = Credential(settings.AuthMode, configuration);
        });
        builder.Services.AddHostedService<ServiceBusOrderWorker>();
    }

    private static TokenCredential Credential(ServiceBusAuthMode mode, ConfigurationManager configuration) => mode switch
    {
        ServiceBusAuthMode.ServicePrinciple => new ClientSecretCredential(
            Required(configuration, Reader.TenantIdKey), Required(configuration, Reader.AppIdKey), Required(configuration, Reader.SecretKey)),
        ServiceBusAuthMode.PodIdentity => configuration[Reader.UserAssignedIdKey] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned),
        _ => new WorkloadIdentityCredential(),
    };

    private static string Required(ConfigurationManager configuration, string key) =>
        configuration[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{key} is required when {Reader.AuthModeKey} is {ServiceBusAuthMode.ServicePrinciple}.");

    private static void AddKafka(WebApplicationBuilder builder, OrderProcessorSettings settings)
    {
        builder.AddKafkaConsumer<string, byte[]>(OrderDefaults.KafkaConnectionName, s =>
        {
            s.Config.GroupId = settings.ConsumerGroup;
            s.Config.EnableAutoCommit = false;
            // The consumer group protocol (KIP-848, Kafka 4.0+ and the local Kafka) rebalances one partition at a time
            // and accepts commits meanwhile, so a processor joining or leaving never hands out finished orders again.
            // The classic protocol stops the whole group on each join and (in librdkafka's mock cluster) refuses the
            // commits of orders finished during it. Brokers before 4.0: set Aspire:Confluent:Kafka:Consumer:Config:GroupProtocol=Classic.
            s.Config.GroupProtocol ??= GroupProtocol.Consumer;
            s.Config.AutoOffsetReset = AutoOffsetReset.Earliest;
            s.Config.ClientId ??= "order-processor";
        }, (sp, consumer) => consumer.SetPartitionsAssignedHandler((_, assigned) => sp.GetRequiredService<PendingOffsets>().StartPositions(assigned)));
        builder.Services.AddSingleton<PendingOffsets>();
        builder.AddKafkaProducer<string, byte[]>(OrderDefaults.KafkaConnectionName, s => s.DisableHealthChecks = true);
        builder.Services.AddHostedService<KafkaOrderWorker>();
    }
}
