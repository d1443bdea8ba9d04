using System.Globalization;
using k8s.Models;
using Operator.Scalers.Config;

namespace Operator.Scalers.CpuMemory;

/// <summary>
/// The <c>cpu</c>/<c>memory</c> scalers: a Resource (or ContainerResource) metric the HPA reads from the metrics
/// server. They report no external metrics and are always active, as in KEDA.
/// </summary>
internal sealed class CpuMemoryScaler : IScaler
{
    private readonly V2MetricTarget _target;

    private CpuMemoryScaler(string resourceName, CpuMemoryMetadata metadata, V2MetricTarget target)
    {
        ResourceName = resourceName;
        Metadata = metadata;
        _target = target;
    }

    /// <summary><c>cpu</c> or <c>memory</c>.</summary>
    public string ResourceName { get; }

    public CpuMemoryMetadata Metadata { get; }

    public static ScalerBuildResult BuildCpu(ScalerConfig config, ScalerServices services) => Build("cpu", config);

    public static ScalerBuildResult BuildMemory(ScalerConfig config, ScalerServices services) => Build("memory", config);

    private static ScalerBuildResult Build(string resourceName, ScalerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var parsed = TypedConfig.Parse<CpuMemoryMetadata>(config);
        if (!parsed.IsSuccess)
        {
            return ExternalScalerParse.Fail(resourceName, parsed.ErrorMessage, parsed.Infos);
        }

        var value = parsed.Value.Value;
        V2MetricTarget target;
        switch (config.MetricType)
        {
            case MetricTargets.Utilization:
                // Go: strconv.ParseInt(value, 10, 32).
                if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var utilization))
                {
                    var reason = long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? "value out of range" : "invalid syntax";
                    return ExternalScalerParse.Fail(resourceName, $"strconv.ParseInt: parsing {GoFormat.Quote(value)}: {reason}", parsed.Infos);
                }

                target = new V2MetricTarget { Type = MetricTargets.Utilization, AverageUtilization = utilization };
                break;
            case MetricTargets.AverageValue:
                if (!TryParseQuantity(value, out var quantity))
                {
                    return ExternalScalerParse.Fail(
                        resourceName,
                        $"quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' (value {GoFormat.Quote(value)})",
                        parsed.Infos);
                }

                target = new V2MetricTarget { Type = MetricTargets.AverageValue, AverageValue = quantity };
                break;
            default:
                return ExternalScalerParse.Fail(
                    resourceName, $"unknown metric type: {config.MetricType}, allowed values are 'Utilization' or 'AverageValue'", parsed.Infos);
        }

        return ScalerBuildResult.Success(new CpuMemoryScaler(resourceName, parsed.Value, target), parsed.Infos);
    }

    /// <summary>A <c>Resource</c> spec, or <c>ContainerResource</c> when <c>containerName</c> is set.</summary>
    public IReadOnlyList<V2MetricSpec> GetMetricSpecs() =>
        Metadata.ContainerName.Length > 0
            ? [new V2MetricSpec
            {
                Type = "ContainerResource",
                ContainerResource = new V2ContainerResourceMetricSource
                {
                    Name = ResourceName,
                    Container = Metadata.ContainerName,
                    Target = _target,
                },
            }]
            : [new V2MetricSpec
            {
                Type = "Resource",
                Resource = new V2ResourceMetricSource { Name = ResourceName, Target = _target },
            }];

    /// <summary>No external metric to read: the HPA uses the metrics server; KEDA treats the trigger as active.</summary>
    public ValueTask<ScalerResult> GetMetricsAndActivityAsync(string metricName, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ScalerResult.Success([], isActive: true));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;


    private static bool TryParseQuantity(string value, out ResourceQuantity quantity)
    {
        quantity = null!;
        try
        {
            quantity = new ResourceQuantity(value);
            _ = quantity.ToString();
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            return false;
        }
    }
}
