using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using ServiceDefaults.Messaging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// <c>AddKafkaProducer</c> as <c>Aspire.Confluent.Kafka</c> names it (not on this feed): a singleton
/// <see cref="IProducer{TKey, TValue}"/> from <c>ConnectionStrings:&lt;name&gt;</c> or the settings section, a health
/// check, and the <see cref="KafkaTracing"/> spans.
/// </summary>
public static class AspireKafkaProducerExtensions
{
    public const string DefaultConfigSectionName = "Aspire:Confluent:Kafka:Producer";

    public static void AddKafkaProducer<TKey, TValue>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<KafkaProducerSettings>? configureSettings = null,
        Action<IServiceProvider, ProducerBuilder<TKey, TValue>>? configureBuilder = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);

        var settings = new KafkaProducerSettings();
        KafkaConnection.Bind(builder.Configuration, DefaultConfigSectionName, connectionName, settings, settings.Config,
            () => settings.ConnectionString, value => settings.ConnectionString = value);
        configureSettings?.Invoke(settings);

        builder.Services.AddSingleton(sp =>
        {
            var producerBuilder = new ProducerBuilder<TKey, TValue>(settings.Config);
            configureBuilder?.Invoke(sp, producerBuilder);
            return producerBuilder.Build();
        });

        if (!settings.DisableTracing)
        {
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(KafkaTracing.ActivitySourceName));
        }

        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().Add(new Diagnostics.HealthChecks.HealthCheckRegistration(
                $"kafka_producer_{connectionName}",
                sp => new KafkaHealthCheck(sp.GetRequiredService<IProducer<TKey, TValue>>()),
                failureStatus: default,
                tags: ["ready"],
                timeout: TimeSpan.FromSeconds(10)));
        }
    }
}
