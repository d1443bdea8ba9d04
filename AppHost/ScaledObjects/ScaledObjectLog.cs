using Microsoft.Extensions.Logging;

namespace AppHost.ScaledObjects;

internal static partial class ScaledObjectLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Decisions of {ScaledObject} unavailable: {Reason}")]
    public static partial void DecisionsUnavailable(ILogger logger, string scaledObject, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The ScaledObject monitor stopped")]
    public static partial void MonitorFailed(ILogger logger, Exception exception);
}
