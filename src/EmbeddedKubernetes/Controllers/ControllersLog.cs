using Microsoft.Extensions.Logging;

namespace EmbeddedKubernetes.Controllers;

internal static partial class ControllersLog
{
    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Pod {Key}: {State}")]
    public static partial void PodState(ILogger logger, string key, string state);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Pod {Key} could not start: {Error}")]
    public static partial void PodStartFailed(ILogger logger, string key, string error);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "HPA {Key}: rescaled from {From} to {To} ({Reason})")]
    public static partial void Rescaled(ILogger logger, string key, int from, int to, string reason);
}
