using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using ServiceDefaults.Messaging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// <c>AddKafkaConsumer</c> as <c>Aspire.Confluent.Kafka</c> names it (not on this feed): a singleton
/// <see cref="IConsumer{TKey, TValue}"/> from <c>ConnectionStrings:&lt;name&gt;</c> or the settings section, a health
/// check, and the <see cref="KafkaTracing"/> spans.
/// </summary>
public static class AspireKafkaConsumerExtensions
{
    public const string DefaultConfigSectionName = "Aspire:Confluent:Kafka:Consumer";

    public static void AddKafkaConsumer<TKey, TValue>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<KafkaConsumerSettings>? configureSettings = null,
        Action<IServiceProvider, ConsumerBuilder<TKey, TValue>>? configureBuilder = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);

        var settings = new KafkaConsumerSettings();
        KafkaConnection.Bind(builder.Configuration, DefaultConfigSectionName, connectionName, settings, settings.Config,
            () => settings.ConnectionString, value => settings.ConnectionString = value);
        configureSettings?.Invoke(settings);
        if (string.IsNullOrWhiteSpace(settings.Config.GroupId))
        {
            throw new InvalidOperationException(
                $"Kafka consumer '{connectionName}' has no group: set {DefaultConfigSectionName}:Config:GroupId.");
        }

        builder.Services.AddSingleton(sp =>
        {
            var consumerBuilder = new ConsumerBuilder<TKey, TValue>(settings.Config);
            configureBuilder?.Invoke(sp, consumerBuilder);
            return consumerBuilder.Build();
        });

        if (!settings.DisableTracing)
        {
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(KafkaTracing.ActivitySourceName));
        }

        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().Add(new Diagnostics.HealthChecks.HealthCheckRegistration(
                $"kafka_consumer_{connectionName}",
                sp => new KafkaHealthCheck(sp.GetRequiredService<IConsumer<TKey, TValue>>()),
                failureStatus: default,
                tags: ["ready"],
                timeout: TimeSpan.FromSeconds(10)));
        }
    }
}
