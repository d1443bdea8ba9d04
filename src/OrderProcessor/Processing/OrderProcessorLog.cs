using Microsoft.Extensions.Logging;

namespace OrderProcessor.Processing;

internal static partial class OrderProcessorLog
{
    [LoggerMessage(1, LogLevel.Information, "Starting message pump on {Transport} {Entity} with concurrency {Concurrency} and processing time {ProcessingTime}")]
    public static partial void PumpStarting(ILogger logger, string transport, string entity, int concurrency, TimeSpan processingTime);

    [LoggerMessage(2, LogLevel.Information, "Message pump started")]
    public static partial void PumpStarted(ILogger logger);

    [LoggerMessage(3, LogLevel.Information, "Closing message pump: finishing {InFlight} order(s) in flight")]
    public static partial void PumpClosing(ILogger logger, int inFlight);

    [LoggerMessage(4, LogLevel.Information, "Message pump closed")]
    public static partial void PumpClosed(ILogger logger);

    [LoggerMessage(5, LogLevel.Information, "Processing order {OrderId} for {OrderAmount} units of {OrderArticle} bought by {CustomerFirstName} {CustomerLastName}")]
    public static partial void Processing(ILogger logger, string orderId, int orderAmount, string orderArticle, string customerFirstName, string customerLastName);

    [LoggerMessage(6, LogLevel.Information, "Order {OrderId} processed")]
    public static partial void Processed(ILogger logger, string orderId);

    [LoggerMessage(7, LogLevel.Warning, "Order {OrderId} failed (delivery {DeliveryCount}); it goes back to the {Transport} for another attempt")]
    public static partial void Failed(ILogger logger, Exception exception, string orderId, int deliveryCount, string transport);

    [LoggerMessage(8, LogLevel.Warning, "Message {MessageId} dead-lettered: {Reason}: {Description}")]
    public static partial void DeadLettered(ILogger logger, string messageId, string reason, string description);

    [LoggerMessage(9, LogLevel.Error, "The {Transport} client reported an error ({Source})")]
    public static partial void TransportError(ILogger logger, Exception exception, string transport, string source);

    [LoggerMessage(10, LogLevel.Warning, "Shutdown grace period over: order {OrderId} was interrupted and will be redelivered")]
    public static partial void Interrupted(ILogger logger, string orderId);

    [LoggerMessage(12, LogLevel.Information, "Offset commit deferred until the group settles: {Reason}")]
    public static partial void CommitDeferred(ILogger logger, string reason);

    [LoggerMessage(11, LogLevel.Critical, "The order processor cannot start: {Problem}")]
    public static partial void InvalidConfiguration(ILogger logger, string problem);
}
