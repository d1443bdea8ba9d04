using Microsoft.Extensions.Logging;

namespace Operator.Scalers.Prometheus;

/// <summary>Log messages of the Prometheus scaler; arguments never carry secrets.</summary>
internal static partial class PrometheusLog
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Warning, Message = "Prometheus query for {MetricName} failed: {Error}")]
    public static partial void QueryFailed(ILogger logger, string metricName, string error);
}
