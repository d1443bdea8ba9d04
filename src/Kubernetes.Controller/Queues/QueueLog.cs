using Microsoft.Extensions.Logging;

namespace Kubernetes.Controller.Queues;

internal static partial class QueueLog
{
    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "{Controller} failed to sync {Key}, retrying in {DelayMs} ms: {Error}")]
    public static partial void SyncFailed(ILogger logger, string controller, string key, double delayMs, string error);
}
