using Microsoft.Extensions.Logging;

namespace Operator.Controllers;

internal static partial class ControllerLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "ScaledObject {Key} check failed: {Error}")]
    public static partial void CheckFailed(ILogger logger, string key, string error);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "ScaledObject {Key}: restoring the original replica count failed: {Error}")]
    public static partial void RestoreFailed(ILogger logger, string key, string error);
}
