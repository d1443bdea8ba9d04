using Microsoft.Extensions.Logging;

namespace Kubernetes.Controller.Events;

internal static partial class EventLog
{
    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Could not record event {Reason} on {Kind} {Key}: {Error}")]
    public static partial void EventFailed(ILogger logger, string reason, string kind, string key, string error);
}
