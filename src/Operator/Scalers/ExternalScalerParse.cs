using Operator.Scalers.Config;

namespace Operator.Scalers;

/// <summary>
/// The opening every KEDA scaler shares (metric target type, then typed metadata) and KEDA's error wrapping, so a
/// build error reads exactly like the <c>KEDAScalerFailed</c> message KEDA would emit.
/// </summary>
internal static class ExternalScalerParse
{
    /// <summary>
    /// Resolves the metric target type and parses <typeparamref name="T"/>; <c>Failure</c> is set when either step
    /// failed (KEDA stops at the first of the two). <paramref name="scalerName"/> is KEDA's word in
    /// <c>error parsing &lt;name&gt; metadata</c> (e.g. <c>kafka</c>, <c>azure service bus</c>); a few scalers (cron)
    /// wrap typed-config errors once only.
    /// </summary>
    public static (string MetricType, TypedConfigResult<T> Parsed, ScalerBuildResult? Failure) Parse<T>(
        ScalerConfig config, string scalerName, bool wrappedTwice = true)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(config);
        var (metricType, metricTypeError) = MetricTargets.GetMetricTargetType(config);
        if (metricTypeError is not null)
        {
            var error = $"error getting scaler metric type: {metricTypeError}";
            return (metricType, new TypedConfigResult<T>(new T(), [error], []), ScalerBuildResult.Failure(error));
        }

        var parsed = TypedConfig.Parse<T>(config);
        return (metricType, parsed, parsed.IsSuccess ? null
            : wrappedTwice ? TypedFailure(scalerName, parsed) : Fail(scalerName, parsed.ErrorMessage, parsed.Infos));
    }

    /// <summary>KEDA wraps typed-config errors twice: once in <c>parseXMetadata</c>, once in <c>NewXScaler</c>.</summary>
    public static ScalerBuildResult TypedFailure<T>(string scalerName, TypedConfigResult<T> parsed) =>
        Fail(scalerName, $"error parsing {scalerName} metadata: {parsed.ErrorMessage}", parsed.Infos);

    /// <summary>An error raised after the typed parse, wrapped once by <c>NewXScaler</c>.</summary>
    public static ScalerBuildResult Fail(string scalerName, string error, IReadOnlyList<string> infos) =>
        ScalerBuildResult.Failure([$"error parsing {scalerName} metadata: {error}"], infos);
}
