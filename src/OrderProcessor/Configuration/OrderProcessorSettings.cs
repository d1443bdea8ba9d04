using OrderContracts;

namespace OrderProcessor.Configuration;

/// <summary>What the processor was configured to do, read once at start-up by <see cref="OrderProcessorSettingsReader"/>.</summary>
internal sealed record OrderProcessorSettings
{
    public OrderTransport Transport { get; init; }

    public string QueueName { get; init; } = OrderDefaults.QueueName;

    public string Topic { get; init; } = OrderDefaults.TopicName;

    public string ConsumerGroup { get; init; } = OrderDefaults.ConsumerGroup;

    public string DeadLetterTopic { get; init; } = OrderDefaults.DeadLetterTopicName;

    public TimeSpan ProcessingTime { get; init; } = OrderProcessorDefaults.ProcessingTime;

    public int Concurrency { get; init; } = OrderProcessorDefaults.Concurrency;

    public int MaxDeliveryAttempts { get; init; } = OrderProcessorDefaults.MaxDeliveryAttempts;

    public TimeSpan ShutdownTimeout { get; init; } = OrderProcessorDefaults.ShutdownTimeout;

    public ServiceBusAuthMode AuthMode { get; init; } = ServiceBusAuthMode.ConnectionString;

    /// <summary>The Service Bus namespace host for the identity modes (<c>KEDA_SERVICEBUS_HOST_NAME</c>).</summary>
    public string? HostName { get; init; }
}
