using Microsoft.Extensions.Logging;

namespace Operator.Leadership;

internal static partial class LeadershipLog
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Attempting to acquire leader lease {Namespace}/{Name} as {Identity}")]
    public static partial void Attempting(ILogger logger, string @namespace, string name, string identity);

    [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "Successfully acquired lease {Namespace}/{Name} as {Identity}")]
    public static partial void Acquired(ILogger logger, string @namespace, string name, string identity);

    [LoggerMessage(EventId = 702, Level = LogLevel.Information, Message = "New leader elected: {Leader}")]
    public static partial void NewLeader(ILogger logger, string leader);

    [LoggerMessage(EventId = 703, Level = LogLevel.Error, Message = "Leader election lost for {Identity}; stopping the operator")]
    public static partial void Lost(ILogger logger, string identity);

    [LoggerMessage(EventId = 704, Level = LogLevel.Information, Message = "Released leader lease {Namespace}/{Name}")]
    public static partial void Released(ILogger logger, string @namespace, string name);

    [LoggerMessage(EventId = 706, Level = LogLevel.Warning,
        Message = "Failed to renew lease {Namespace}/{Name}: no renewal succeeded within the renew deadline {RenewDeadline}")]
    public static partial void RenewDeadlinePassed(ILogger logger, string @namespace, string name, TimeSpan renewDeadline);

    [LoggerMessage(EventId = 705, Level = LogLevel.Warning, Message = "Leader election error: {Message}")]
    public static partial void Error(ILogger logger, string message);
}
