using Microsoft.Extensions.Logging;

namespace Operator.ScaleLoop;

internal static partial class ScaleLoopLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Poll of ScaledObject {Key} failed: {Error}")]
    public static partial void PollFailed(ILogger logger, string key, string error);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "ScaledObject {Key}: scaled target from {From} to {To} ({Action})")]
    public static partial void Scaled(ILogger logger, string key, int from, int to, Operator.Scaling.Executor.ScaleAction action);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Debug, Message = "ScaledObject {Key}: reading the waiting messages' trace context took longer than {Timeout}; the decision links fewer traces")]
    public static partial void TraceLinksTimedOut(ILogger logger, string key, TimeSpan timeout);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Debug, Message = "ScaledObject {Key}: could not read the waiting messages' trace context ({Error}); the decision links fewer traces")]
    public static partial void TraceLinksFailed(ILogger logger, string key, string error);
}
