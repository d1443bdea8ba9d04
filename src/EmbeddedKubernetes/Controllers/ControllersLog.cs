using Microsoft.Extensions.Logging;

namespace EmbeddedKubernetes.Controllers;

internal static partial class ControllersLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Informer for {Resource} failed, re-listing: {Error}")]
    public static partial void InformerError(ILogger logger, string resource, string error);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "{Controller} failed to sync {Key}: {Error}")]
    public static partial void SyncFailed(ILogger logger, string controller, string key, string error);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Could not record event {Reason} on {Kind} {Key}: {Error}")]
    public static partial void EventFailed(ILogger logger, string reason, string kind, string key, string error);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Pod {Key}: {State}")]
    public static partial void PodState(ILogger logger, string key, string state);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Pod {Key} could not start: {Error}")]
    public static partial void PodStartFailed(ILogger logger, string key, string error);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "HPA {Key}: rescaled from {From} to {To} ({Reason})")]
    public static partial void Rescaled(ILogger logger, string key, int from, int to, string reason);
}
