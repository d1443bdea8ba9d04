using System.Globalization;
using k8s.Models;

namespace Operator.Scalers;

/// <summary>
/// HPA metric targets and quantities as KEDA builds them (<c>GetMetricTargetType</c>, <c>GetMetricTarget</c>,
/// <c>GetMetricTargetMili</c>, <c>GenerateMetricInMili</c>). Quantities serialise canonically
/// (<c>0.5</c> → <c>500m</c>, <c>2000</c> → <c>2k</c>).
/// </summary>
public static class MetricTargets
{
    public const string AverageValue = "AverageValue";
    public const string Value = "Value";
    public const string Utilization = "Utilization";

    /// <summary>KEDA's error for <c>metricType: Utilization</c> on an external-metric scaler.</summary>
    public const string UtilizationUnsupported =
        "'Utilization' metric type is unsupported for external metrics, allowed values are 'Value' or 'AverageValue'";

    /// <summary>
    /// KEDA's <c>GetMetricTargetType</c>: empty → AverageValue, Utilization → error, anything else is passed through
    /// unchanged (the HPA API rejects unknown types later).
    /// </summary>
    public static (string Type, string? Error) GetMetricTargetType(ScalerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.MetricType switch
        {
            Utilization => ("", UtilizationUnsupported),
            "" => (AverageValue, null),
            var other => (other, null),
        };
    }

    /// <summary><c>resource.NewQuantity(v, DecimalSI)</c>.</summary>
    public static ResourceQuantity IntegerQuantity(long value) =>
        new(value, 0, ResourceQuantity.SuffixFormat.DecimalSI);

    /// <summary>
    /// <c>resource.MustParse(fmt.Sprintf("%.3f", v))</c>: rounded to 3 decimals; NaN, ±Inf and negative values
    /// become 0 (KEDA v2.20.2 behaviour).
    /// </summary>
    public static ResourceQuantity MilliQuantity(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || value < 0)
        {
            value = 0;
        }

        return new ResourceQuantity(value.ToString("F3", CultureInfo.InvariantCulture));
    }

    /// <summary><c>GetMetricTarget</c>: an integer target in <c>averageValue</c> (AverageValue) or <c>value</c>.</summary>
    public static V2MetricTarget Target(string metricType, long value) => WithQuantity(metricType, IntegerQuantity(value));

    /// <summary><c>GetMetricTargetMili</c>: a fractional target via the 3-decimal path.</summary>
    public static V2MetricTarget TargetMilli(string metricType, double value) => WithQuantity(metricType, MilliQuantity(value));

    /// <summary>An External metric spec for <paramref name="metricName"/> with <paramref name="target"/>.</summary>
    public static V2MetricSpec External(string metricName, V2MetricTarget target) => new()
    {
        Type = "External",
        External = new V2ExternalMetricSource
        {
            Metric = new V2MetricIdentifier { Name = metricName },
            Target = target,
        },
    };

    private static V2MetricTarget WithQuantity(string metricType, ResourceQuantity quantity) =>
        metricType == AverageValue
            ? new V2MetricTarget { Type = metricType, AverageValue = quantity }
            : new V2MetricTarget { Type = metricType, Value = quantity };
}
