namespace OrderProcessor.Configuration;

/// <summary>The processor's defaults, next to its settings.</summary>
internal static class OrderProcessorDefaults
{
    /// <summary>The original sample waits 2 s per order.</summary>
    public static readonly TimeSpan ProcessingTime = TimeSpan.FromSeconds(2);

    /// <summary>The original sample processes one order at a time (ServiceBusProcessor's default).</summary>
    public const int Concurrency = 1;

    /// <summary>Deliveries after which an order that keeps failing is dead-lettered.</summary>
    public const int MaxDeliveryAttempts = 5;

    /// <summary>Kubernetes' default terminationGracePeriodSeconds is 30 s; stop a little before it.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(25);

    /// <summary>The configuration section of the processor's own settings.</summary>
    public const string SectionName = "OrderProcessor";
}
