using Microsoft.Extensions.Logging;

namespace Kubernetes.Controller.Informers;

internal static partial class InformerLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Informer for {Resource} failed, retrying with backoff: {Error}")]
    public static partial void Failed(ILogger logger, string resource, string error);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Informer for {Resource}: resourceVersion expired (410), re-listing")]
    public static partial void Expired(ILogger logger, string resource);
}
