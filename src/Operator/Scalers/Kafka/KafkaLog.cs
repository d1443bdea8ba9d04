using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Operator.Scalers.Kafka;

/// <summary>Log messages of the Kafka scalers; arguments never carry secrets.</summary>
internal static partial class KafkaLog
{
    [LoggerMessage(EventId = 7200, Level = LogLevel.Debug, Message = "librdkafka {Level}: {Message}")]
    public static partial void ClientLog(ILogger logger, SyslogLevel level, string message);

    [LoggerMessage(EventId = 7201, Level = LogLevel.Debug, Message = "librdkafka error {Code}: {Reason}")]
    public static partial void ClientError(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Warning, Message = "Kafka lag query for {MetricName} failed: {Error}")]
    public static partial void QueryFailed(ILogger logger, string metricName, string error);

    [LoggerMessage(EventId = 7203, Level = LogLevel.Debug, Message = "Kafka {MetricName}: totalLag {TotalLag}, totalLagWithPersistent {TotalLagWithPersistent}, partitions {Partitions}")]
    public static partial void Lag(ILogger logger, string metricName, long totalLag, long totalLagWithPersistent, long partitions);

    [LoggerMessage(EventId = 7204, Level = LogLevel.Debug, Message = "Kafka watch on {Topics}: end offsets moved, signalling")]
    public static partial void WatchSignal(ILogger logger, string topics);
}
