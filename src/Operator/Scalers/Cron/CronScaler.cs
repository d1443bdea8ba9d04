using k8s.Models;

namespace Operator.Scalers.Cron;

/// <summary>
/// The <c>cron</c> scaler: active (value = desiredReplicas) between a start and an end schedule in a time zone.
/// Pure computation over the injected clock.
/// </summary>
internal sealed class CronScaler : IScaler
{
    private readonly TimeProvider _time;
    private readonly string _metricType;

    private CronScaler(ScalerConfig config, CronMetadata metadata, string metricType, TimeProvider time)
    {
        _metricType = metricType;
        Config = config;
        Metadata = metadata;
        _time = time;
    }

    public ScalerConfig Config { get; }

    public CronMetadata Metadata { get; }

    /// <summary>e.g. <c>s0-cron-Etc-UTC-00xxThu-5923xxThu</c> (KEDA's <c>parseCronTimeFormat</c> + NormalizeString).</summary>
    public string MetricName => MetricNames.WithIndex(
        Config.TriggerIndex,
        MetricNames.Normalize($"cron-{Metadata.Timezone}-{Encode(Metadata.Start)}-{Encode(Metadata.End)}"));

    public static ScalerBuildResult Build(ScalerConfig config, ScalerServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var (metricType, parsed, failure) = ExternalScalerParse.Parse<CronMetadata>(config, "cron", wrappedTwice: false);
        return failure ?? ScalerBuildResult.Success(new CronScaler(config, parsed.Value, metricType, services.TimeProvider), parsed.Infos);
    }

    /// <summary>A target of 1 (AverageValue unless the trigger says Value).</summary>
    public IReadOnlyList<V2MetricSpec> GetMetricSpecs() =>
        [MetricTargets.External(MetricName, MetricTargets.Target(_metricType, 1))];

    public ValueTask<ScalerResult> GetMetricsAndActivityAsync(string metricName, CancellationToken cancellationToken)
    {
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(Metadata.Timezone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return ValueTask.FromResult(ScalerResult.Failure($"unable to load timezone: unknown time zone {Metadata.Timezone}"));
        }

        var now = _time.GetUtcNow();
        var nextStart = Metadata.StartSchedule!.GetNextOccurrence(now, zone);
        var nextEnd = Metadata.EndSchedule!.GetNextOccurrence(now, zone);
        // KEDA: inside the window when the end comes before (or with) the next start.
        var active = nextEnd is not null && (nextStart is null || nextEnd <= nextStart);
        // KEDA reports 1 (not 0) outside the window; activity alone lets the target go to zero.
        var value = active ? Metadata.DesiredReplicas : 1;
        return ValueTask.FromResult(ScalerResult.Success(new MetricValue(metricName, value), active));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>KEDA's <c>parseCronTimeFormat</c>: drop spaces, <c>*</c>→x, <c>/</c>→Sl, <c>?</c>→Qm, <c>,</c>→Cm.</summary>
    internal static string Encode(string schedule) =>
        schedule.Replace(" ", "", StringComparison.Ordinal)
            .Replace("*", "x", StringComparison.Ordinal)
            .Replace("/", "Sl", StringComparison.Ordinal)
            .Replace("?", "Qm", StringComparison.Ordinal)
            .Replace(",", "Cm", StringComparison.Ordinal);
}
