using System.Collections.Frozen;
using Operator.Scalers.AzureServiceBus;
using Operator.Scalers.CpuMemory;
using Operator.Scalers.Cron;
using Operator.Scalers.Kafka;
using Operator.Scalers.Prometheus;

namespace Operator.Scalers;

/// <summary>Builds a scaler from a trigger (KEDA's <c>buildScaler</c> switch on the trigger type).</summary>
public static class ScalerRegistry
{
    private static readonly FrozenDictionary<string, Func<ScalerConfig, ScalerServices, ScalerBuildResult>> Builders =
        new Dictionary<string, Func<ScalerConfig, ScalerServices, ScalerBuildResult>>(StringComparer.Ordinal)
        {
            ["apache-kafka"] = ApacheKafkaScaler.Build,
            ["azure-servicebus"] = AzureServiceBusScaler.Build,
            ["cpu"] = CpuMemoryScaler.BuildCpu,
            ["cron"] = CronScaler.Build,
            ["kafka"] = KafkaScaler.Build,
            ["memory"] = CpuMemoryScaler.BuildMemory,
            ["prometheus"] = PrometheusScaler.Build,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Trigger types this build can construct (case-sensitive, as in KEDA).</summary>
    public static IReadOnlyCollection<string> KnownTypes => Builders.Keys;

    public static bool IsKnown(string triggerType) => Builders.ContainsKey(triggerType);

    /// <summary>Builds the scaler for <paramref name="config"/>; unknown types fail with KEDA's message.</summary>
    public static ScalerBuildResult Build(ScalerConfig config, ScalerServices? services = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Builders.TryGetValue(config.TriggerType, out var build)
            ? build(config, services ?? ScalerServices.Default)
            : ScalerBuildResult.Failure($"no scaler found for type: {config.TriggerType}");
    }
}
