using Azure.Messaging.ServiceBus;
using OrderContracts;
using ServiceDefaults.Messaging;

namespace OrderGenerator.Sending;

/// <summary>Sends orders to the queue in as few <see cref="ServiceBusMessageBatch"/>es as their size allows.</summary>
internal sealed class ServiceBusOrderSender(ServiceBusClient client, string queueName) : IOrderSender
{
    private readonly ServiceBusSender _sender = client.CreateSender(queueName);

    public string Destination => $"Service Bus queue '{queueName}'";

    public async Task<SendResult> SendAsync(IReadOnlyList<Order> orders, CancellationToken cancellationToken)
    {
        var queued = 0;
        ServiceBusMessageBatch? batch = null;
        try
        {
            foreach (var order in orders)
            {
                var message = ToMessage(order);
                batch ??= await _sender.CreateMessageBatchAsync(cancellationToken).ConfigureAwait(false);
                if (batch.TryAddMessage(message))
                {
                    continue;
                }

                if (batch.Count == 0)
                {
                    return new SendResult(queued, orders.Count - queued, $"order {order.Id} is larger than a Service Bus message may be");
                }

                await _sender.SendMessagesAsync(batch, cancellationToken).ConfigureAwait(false);
                queued += batch.Count;
                batch.Dispose();
                batch = await _sender.CreateMessageBatchAsync(cancellationToken).ConfigureAwait(false);
                batch.TryAddMessage(message);
            }

            if (batch is { Count: > 0 })
            {
                await _sender.SendMessagesAsync(batch, cancellationToken).ConfigureAwait(false);
                queued += batch.Count;
            }

            return new SendResult(queued, 0, null);
        }
        catch (ServiceBusException e)
        {
            return new SendResult(queued, orders.Count - queued, $"{e.Reason}: {e.Message}");
        }
        finally
        {
            batch?.Dispose();
        }
    }

    public ValueTask DisposeAsync() => _sender.DisposeAsync();

    private ServiceBusMessage ToMessage(Order order)
    {
        using var span = OrderSpans.StartCreate(order, "servicebus", queueName);
        var message = new ServiceBusMessage(OrderJson.Serialize(order))
        {
            MessageId = order.Id,
            ContentType = "application/json",
            Subject = "order",
        };
        message.ApplicationProperties[OrderTelemetry.OrderIdProperty] = order.Id;
        if (span is not null)
        {
            MessageTraceContext.Inject(span.Context, message.ApplicationProperties);
        }

        return message;
    }
}
