using Azure;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace Operator.Scalers.AzureServiceBus;

/// <summary>
/// KEDA's <c>getQueueEntityFromServiceBus</c>: the active message count of the queue or subscription through the
/// management (ATOM) API; with <c>useRegex</c>, every queue (or every subscription of the topic) whose whole name
/// matches, aggregated by <c>sum</c>, <c>max</c> or <c>avg</c> (integer division, 0 when nothing matches).
/// Failures come back as a message naming the entity and the cause, never the connection's secret.
/// </summary>
internal static class ServiceBusMessageCounter
{
    public static async Task<(long Count, string? Error)> CountAsync(
        ServiceBusAdministrationClient client, AzureServiceBusMetadata metadata, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var what = Describe(metadata);
        try
        {
            var count = metadata.UseRegex
                ? Aggregate(await MatchingCountsAsync(client, metadata, deadline.Token).ConfigureAwait(false), metadata.Operation)
                : metadata.EntityType == ServiceBusEntityType.Queue
                    ? (await client.GetQueueRuntimePropertiesAsync(metadata.QueueName, deadline.Token).ConfigureAwait(false)).Value.ActiveMessageCount
                    : (await client.GetSubscriptionRuntimePropertiesAsync(metadata.TopicName, metadata.SubscriptionName, deadline.Token).ConfigureAwait(false)).Value.ActiveMessageCount;
            return (count, null);
        }
        catch (ServiceBusException e) when (e.Reason == ServiceBusFailureReason.MessagingEntityNotFound)
        {
            return (-1, $"{what} was not found in the Service Bus namespace");
        }
        catch (UnauthorizedAccessException)
        {
            return (-1, $"error reading {what}: the Service Bus namespace refused the credentials (a Manage claim is required)");
        }
        catch (AuthenticationFailedException e)
        {
            return (-1, $"error reading {what}: could not get a Microsoft Entra token for Service Bus: {e.GetType().Name}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (-1, $"error reading {what}: no answer from the Service Bus management endpoint within {timeout.TotalMilliseconds:0} ms");
        }
        catch (Exception e) when (e is ServiceBusException or RequestFailedException or HttpRequestException or InvalidOperationException)
        {
            var detail = e is ServiceBusException sb ? sb.Reason.ToString() : e is RequestFailedException rf ? $"HTTP {rf.Status}" : e.GetType().Name;
            return (-1, $"error reading {what}: {detail}");
        }
    }

    private static string Describe(AzureServiceBusMetadata m) => (m.EntityType, m.UseRegex) switch
    {
        (ServiceBusEntityType.Queue, false) => $"queue '{m.QueueName}'",
        (ServiceBusEntityType.Queue, true) => $"queues matching '{m.QueueName}'",
        (_, false) => $"subscription '{m.SubscriptionName}' of topic '{m.TopicName}'",
        _ => $"subscriptions matching '{m.SubscriptionName}' of topic '{m.TopicName}'",
    };

    private static async Task<List<long>> MatchingCountsAsync(ServiceBusAdministrationClient client, AzureServiceBusMetadata m, CancellationToken cancellationToken)
    {
        var counts = new List<long>();
        if (m.EntityType == ServiceBusEntityType.Queue)
        {
            await foreach (var queue in client.GetQueuesRuntimePropertiesAsync(cancellationToken).ConfigureAwait(false))
            {
                if (m.EntityNameRegex!.IsMatch(queue.Name))
                {
                    counts.Add(queue.ActiveMessageCount);
                }
            }
        }
        else
        {
            await foreach (var sub in client.GetSubscriptionsRuntimePropertiesAsync(m.TopicName, cancellationToken).ConfigureAwait(false))
            {
                if (m.EntityNameRegex!.IsMatch(sub.SubscriptionName))
                {
                    counts.Add(sub.ActiveMessageCount);
                }
            }
        }

        return counts;
    }

    /// <summary>KEDA's aggregation: sum, max, or avg with integer division; 0 for no match.</summary>
    public static long Aggregate(IReadOnlyList<long> counts, string operation) => counts.Count == 0 ? 0 : operation switch
    {
        "max" => counts.Max(),
        "avg" => counts.Sum() / counts.Count,
        _ => counts.Sum(),
    };
}
