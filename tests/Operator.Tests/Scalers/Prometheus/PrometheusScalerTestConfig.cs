using Operator.Scalers;
using Operator.Scalers.Prometheus;

namespace Operator.Tests.Scalers.Prometheus;

internal static class PrometheusScalerTestConfig
{
    /// <summary>KEDA's parsePrometheusMetadata (what its parse tables exercise): the error or null.</summary>
    public static string? ParseErrors(ScalerConfig config) => PrometheusScaler.ParseMetadata(config).Error;

    public static IScaler BuildOk(ScalerConfig config, TimeProvider? timeProvider = null)
    {
        var result = PrometheusScaler.Build(config, timeProvider);
        Assert.True(result.IsSuccess, string.Join('\n', result.Errors));
        return result.Scaler!;
    }
}
