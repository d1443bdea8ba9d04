namespace OrderContracts;

/// <summary>Names the sample's telemetry is found under.</summary>
public static class OrderTelemetry
{
    /// <summary>The generator's activity source (one <c>create orders</c> producer span per order, each its own trace).</summary>
    public const string GeneratorSourceName = "OrderGenerator";

    /// <summary>The processor's activity source and meter.</summary>
    public const string ProcessorSourceName = "OrderProcessor";

    /// <summary>The message property / header carrying the order id (so a dead-lettered body that is not JSON still says which order it was).</summary>
    public const string OrderIdProperty = "order-id";
}
