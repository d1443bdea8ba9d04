using Microsoft.Extensions.Logging;

namespace LocalServiceBus;

internal static partial class LocalServiceBusLog
{
    /// <summary>The emulator's readiness line, so tools waiting for it work unchanged.</summary>
    public const string ReadyLine = "Emulator Service is Successfully Up!";

    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Emulator Service is Successfully Up! AMQP on {AmqpEndpoint}, management and health on {HttpEndpoint}, namespace {Namespace} with {Queues} queue(s) and {Topics} topic(s)")]
    public static partial void Ready(ILogger logger, string amqpEndpoint, string httpEndpoint, string @namespace, int queues, int topics);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "Refused a token on {Channel} for {Audience}: {Reason}")]
    public static partial void TokenRefused(ILogger logger, string channel, string audience, string reason);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Warning, Message = "Refused connection {ConnectionNumber}: ConnectionsQuotaExceeded, the namespace allows {Limit} concurrent connections")]
    public static partial void ConnectionRefused(ILogger logger, int connectionNumber, int limit);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "Refused a message of {Size} bytes for {Entity}: the maximum message size is {Limit} bytes")]
    public static partial void MessageTooLarge(ILogger logger, string entity, long size, long limit);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Warning, Message = "Refused link {Link} to {Address}: {Reason}")]
    public static partial void LinkRefused(ILogger logger, string link, string address, string reason);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Debug, Message = "Attached {Kind} link {Link} to {Address}")]
    public static partial void LinkAttached(ILogger logger, string kind, string link, string address);

    [LoggerMessage(EventId = 8007, Level = LogLevel.Warning, Message = "Management operation {Operation} on {Entity} is not supported")]
    public static partial void OperationNotSupported(ILogger logger, string operation, string entity);

    [LoggerMessage(EventId = 8008, Level = LogLevel.Warning, Message = "Refused HTTP {Method} {Path}: {Reason}")]
    public static partial void HttpRefused(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 8009, Level = LogLevel.Information, Message = "Management: {Action} {Entity}")]
    public static partial void EntityChanged(ILogger logger, string action, string entity);

    [LoggerMessage(EventId = 8010, Level = LogLevel.Warning, Message = "Could not deliver to link {Link}: {Error}")]
    public static partial void DeliveryFailed(ILogger logger, string link, string error);
}
