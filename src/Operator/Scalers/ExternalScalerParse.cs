using Operator.Scalers.Config;

namespace Operator.Scalers;

/// <summary>The opening every external-metric scaler shares in KEDA: metric target type, then typed metadata.</summary>
internal static class ExternalScalerParse
{
    /// <summary>
    /// Resolves the metric target type and parses <typeparamref name="T"/>; <c>Failure</c> is set when either step
    /// failed (KEDA stops at the first of the two).
    /// </summary>
    public static (string MetricType, TypedConfigResult<T> Parsed, ScalerBuildResult? Failure) Parse<T>(ScalerConfig config)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(config);
        var (metricType, metricTypeError) = MetricTargets.GetMetricTargetType(config);
        if (metricTypeError is not null)
        {
            return (metricType, new TypedConfigResult<T>(new T(), [metricTypeError], []), ScalerBuildResult.Failure(metricTypeError));
        }

        var parsed = TypedConfig.Parse<T>(config);
        return (metricType, parsed, parsed.IsSuccess ? null : ScalerBuildResult.Failure(parsed.Errors, parsed.Infos));
    }
}
