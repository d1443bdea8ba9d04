using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// <c>AddAzureServiceBusClient</c> as <c>Aspire.Azure.Messaging.ServiceBus</c> names it (that package is not on this
/// feed): a singleton <see cref="ServiceBusClient"/> from <c>ConnectionStrings:&lt;name&gt;</c> or the settings section,
/// a health check, and the SDK's own activity sources.
/// </summary>
public static class AspireServiceBusExtensions
{
    /// <summary>The configuration section the settings bind from (then <c>:&lt;connectionName&gt;</c>).</summary>
    public const string DefaultConfigSectionName = "Aspire:Azure:Messaging:ServiceBus";

    /// <summary>The Service Bus SDK's activity sources (experimental in the SDK, switched on here).</summary>
    public const string ActivitySourceNames = "Azure.Messaging.ServiceBus.*";

    private const string ActivitySourceSwitch = "Azure.Experimental.EnableActivitySource";
    private const string ActivitySourceVariable = "AZURE_EXPERIMENTAL_ENABLE_ACTIVITY_SOURCE";

    public static void AddAzureServiceBusClient(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<AzureMessagingServiceBusSettings>? configureSettings = null,
        Action<ServiceBusClientOptions>? configureClientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);

        var settings = new AzureMessagingServiceBusSettings();
        builder.Configuration.GetSection(DefaultConfigSectionName).Bind(settings);
        builder.Configuration.GetSection($"{DefaultConfigSectionName}:{connectionName}").Bind(settings);
        if (builder.Configuration.GetConnectionString(connectionName) is { Length: > 0 } connectionString)
        {
            settings.ConnectionString = connectionString;
        }

        configureSettings?.Invoke(settings);

        builder.Services.AddSingleton(_ => CreateClient(settings, connectionName, configureClientOptions));

        if (!settings.DisableTracing)
        {
            EnableSdkActivitySources();
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(ActivitySourceNames));
        }

        var entity = settings.HealthCheckQueueName ?? settings.HealthCheckTopicName;
        if (!settings.DisableHealthChecks && !string.IsNullOrWhiteSpace(entity))
        {
            builder.Services.AddHealthChecks().Add(new Diagnostics.HealthChecks.HealthCheckRegistration(
                $"servicebus_{connectionName}",
                sp => new ServiceBusSenderHealthCheck(sp.GetRequiredService<ServiceBusClient>(), entity),
                failureStatus: default,
                tags: ["ready"],
                timeout: TimeSpan.FromSeconds(10)));
        }
    }

    internal static ServiceBusClient CreateClient(
        AzureMessagingServiceBusSettings settings, string connectionName, Action<ServiceBusClientOptions>? configureClientOptions)
    {
        var options = new ServiceBusClientOptions();
        configureClientOptions?.Invoke(options);
        var value = settings.ConnectionString;
        if (!string.IsNullOrWhiteSpace(value) && value.Contains("Endpoint=", StringComparison.OrdinalIgnoreCase))
        {
            return new ServiceBusClient(value, options);
        }

        // Aspire accepts a bare namespace in the connection string slot and authenticates with a credential.
        var fullyQualifiedNamespace = NamespaceHost(string.IsNullOrWhiteSpace(value) ? settings.FullyQualifiedNamespace : value);
        if (fullyQualifiedNamespace is null)
        {
            throw new InvalidOperationException(
                $"Service Bus connection '{connectionName}' is not configured: set ConnectionStrings__{connectionName} " +
                $"(a connection string or a namespace host) or {DefaultConfigSectionName}:FullyQualifiedNamespace.");
        }

        return new ServiceBusClient(fullyQualifiedNamespace, settings.Credential ?? new DefaultAzureCredential(), options);
    }

    private static string? NamespaceHost(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host) ? uri.Host : value.Trim().TrimEnd('/');
    }

    private static void EnableSdkActivitySources()
    {
        // The SDK reads the switch or the variable; an explicit "false" in the variable is respected.
        var variable = Environment.GetEnvironmentVariable(ActivitySourceVariable);
        if (!string.Equals(variable, "false", StringComparison.OrdinalIgnoreCase) && variable != "0")
        {
            AppContext.SetSwitch(ActivitySourceSwitch, true);
        }
    }
}
