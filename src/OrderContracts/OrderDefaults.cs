namespace OrderContracts;

/// <summary>The sample's names, shared by the generator, the processor, the manifests and the tests.</summary>
public static class OrderDefaults
{
    public const string QueueName = "orders";

    public const string TopicName = "orders";

    public const string ConsumerGroup = "order-processor";

    /// <summary>Kafka has no dead-letter queue: poison orders go to this topic with the reason in a header.</summary>
    public const string DeadLetterTopicName = "orders-deadletter";

    public const string ServiceBusConnectionName = "servicebus";

    public const string KafkaConnectionName = "kafka";

    /// <summary>Parses <c>servicebus</c>/<c>kafka</c> (case-insensitive).</summary>
    public static bool TryParseTransport(string? value, out OrderTransport transport)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "servicebus" or "service-bus" or "azure-servicebus":
                transport = OrderTransport.ServiceBus;
                return true;
            case "kafka" or "apache-kafka":
                transport = OrderTransport.Kafka;
                return true;
            default:
                transport = default;
                return false;
        }
    }
}
