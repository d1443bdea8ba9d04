using System.Text;
using Confluent.Kafka;
using OrderContracts;
using ServiceDefaults.Messaging;

namespace OrderGenerator.Sending;

/// <summary>Produces orders keyed by id; librdkafka batches the records of a chunk produced together.</summary>
internal sealed class KafkaOrderSender(IProducer<string, byte[]> producer, string topic) : IOrderSender
{
    public string Destination => $"Kafka topic '{topic}'";

    public async Task<SendResult> SendAsync(IReadOnlyList<Order> orders, CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(orders.Select(order => ProduceAsync(order, cancellationToken))).ConfigureAwait(false);
        var failed = results.Count(r => r is not null);
        return new SendResult(orders.Count - failed, failed, results.FirstOrDefault(r => r is not null));
    }

    public ValueTask DisposeAsync()
    {
        producer.Flush(TimeSpan.FromSeconds(10));
        return ValueTask.CompletedTask;
    }

    private async Task<string?> ProduceAsync(Order order, CancellationToken cancellationToken)
    {
        var message = new Message<string, byte[]>
        {
            Key = order.Id,
            Value = OrderJson.Serialize(order),
            Headers = new Headers { { OrderTelemetry.OrderIdProperty, Encoding.UTF8.GetBytes(order.Id) } },
        };
        using var create = OrderSpans.StartCreate(order, "kafka", topic);
        using var send = KafkaTracing.StartSend(topic, message, create?.Context ?? default);
        try
        {
            var delivery = await producer.ProduceAsync(topic, message, cancellationToken).ConfigureAwait(false);
            KafkaTracing.SetDelivery(send, delivery);
            return null;
        }
        catch (ProduceException<string, byte[]> e)
        {
            send?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.Error.Reason);
            return e.Error.Reason;
        }
    }
}
