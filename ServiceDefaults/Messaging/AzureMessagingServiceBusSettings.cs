using Azure.Core;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Settings of <see cref="AspireServiceBusExtensions.AddAzureServiceBusClient"/>, shaped like Aspire's
/// <c>Aspire.Azure.Messaging.ServiceBus</c> settings (section <c>Aspire:Azure:Messaging:ServiceBus</c>).
/// </summary>
public sealed class AzureMessagingServiceBusSettings
{
    /// <summary>A Service Bus connection string (<c>Endpoint=sb://...;SharedAccessKey...</c>) or a namespace host name.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The namespace host (<c>name.servicebus.windows.net</c>), used with <see cref="Credential"/>.</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>The identity used with <see cref="FullyQualifiedNamespace"/>; <c>DefaultAzureCredential</c> when not set.</summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>Turns the SDK's <c>Azure.Messaging.ServiceBus.*</c> activity sources off.</summary>
    public bool DisableTracing { get; set; }

    /// <summary>Leaves the health check out.</summary>
    public bool DisableHealthChecks { get; set; }

    /// <summary>The queue the health check opens a sender link to (no health check when neither queue nor topic is set).</summary>
    public string? HealthCheckQueueName { get; set; }

    /// <summary>The topic the health check opens a sender link to.</summary>
    public string? HealthCheckTopicName { get; set; }
}
