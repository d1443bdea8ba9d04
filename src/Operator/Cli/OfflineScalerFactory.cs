using Operator.Scalers;

namespace Operator.Cli;

/// <summary>
/// Builds a trigger's scaler for offline validation through the scaler registry (parsing and validation only;
/// building never touches the network). Unknown types fail with KEDA's <c>no scaler found for type</c>.
/// </summary>
internal static class OfflineScalerFactory
{
    public static ScalerBuildResult? Build(ScalerConfig config) => ScalerRegistry.Build(config, ScalerServices.Default);
}
