using Microsoft.Extensions.Logging;

namespace Operator.ScaleLoop;

internal static partial class DirectScaleLog
{
    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "ScaledObject {Key}: direct mode scaled target from {From} to {To} ({Reason})")]
    public static partial void Rescaled(ILogger logger, string key, int from, int to, string reason);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "ScaledObject {Key}: direct mode could not compute replicas: {Error}")]
    public static partial void Failed(ILogger logger, string key, string error);
}
