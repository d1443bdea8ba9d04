using System.Diagnostics;
using Azure.Messaging.ServiceBus;
using Operator.Scalers.Http;
using Operator.Scalers.Prometheus;
using ServiceDefaults.Messaging;

namespace Operator.Scalers.AzureServiceBus;

/// <summary>
/// Peeks the first messages of the trigger's queue or subscription for their trace context (<c>traceparent</c> or
/// <c>Diagnostic-Id</c>): a peek neither locks nor receives, so the processors see the queue untouched. The client
/// lives for one peek only: decisions are rare, and the emulator allows few connections. Regex triggers name no
/// single entity and are not peeked.
/// </summary>
internal static class ServiceBusTracePeek
{
    public static async Task<IReadOnlyList<ActivityContext>> PeekAsync(
        AzureServiceBusMetadata metadata, PodIdentity identity, ScalerHttpClients http, int? emulatorAmqpPort, int max, CancellationToken cancellationToken)
    {
        if (metadata.UseRegex || max <= 0)
        {
            return [];
        }

        var options = new ServiceBusClientOptions { RetryOptions = new ServiceBusRetryOptions { MaxRetries = 0 } };
        await using var client = identity.IsNone
            ? new ServiceBusClient(ServiceBusMessagingConnection.For(metadata.Connection, emulatorAmqpPort), options)
            : new ServiceBusClient(metadata.FullyQualifiedNamespace, AzureTokenAuthorizer.CreateWorkloadCredential(identity, http), options);
        await using var receiver = metadata.EntityType == ServiceBusEntityType.Queue
            ? client.CreateReceiver(metadata.QueueName)
            : client.CreateReceiver(metadata.TopicName, metadata.SubscriptionName);
        var messages = await receiver.PeekMessagesAsync(max, cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. messages.Select(m => MessageTraceContext.Extract(m.ApplicationProperties)).Where(c => c != default)];
    }
}
