using Operator.Scalers;
using Operator.Scalers.Prometheus;

namespace Operator.Cli;

/// <summary>
/// Builds a trigger's scaler for offline validation (parsing and validation only; building never touches the
/// network). Returns null for a trigger type this build has no scaler for.
/// </summary>
internal static class OfflineScalerFactory
{
    public static ScalerBuildResult? Build(ScalerConfig config) => config.TriggerType switch
    {
        "prometheus" => PrometheusScaler.Build(config),
        _ => null,
    };
}
