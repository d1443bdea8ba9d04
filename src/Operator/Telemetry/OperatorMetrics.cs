using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace Operator.Telemetry;

/// <summary>
/// KEDA's operator metrics (<c>pkg/metricscollector/prommetrics.go</c>) under KEDA's names and labels, as
/// System.Diagnostics.Metrics instruments on the <see cref="MeterName"/> meter: scraped on <c>/metrics</c> and exported
/// over OTLP. The scale loop calls one method per observation (KEDA's <c>Record*</c> calls):
/// <list type="bullet">
/// <item><see cref="RecordScalerMetric"/>, <see cref="RecordScalerLatency"/>, <see cref="RecordScalerActive"/>,
/// <see cref="RecordScalerError"/> after each trigger of each poll;</item>
/// <item><see cref="RecordScaledObjectError"/> once per poll, <see cref="RecordScaledObjectPaused"/> on reconcile,
/// <see cref="RecordScaleLoopLatency"/> with the poll's drift from its schedule;</item>
/// <item><see cref="IncrementTriggerTotal"/>/<see cref="DecrementTriggerTotal"/> and
/// <see cref="IncrementResourceTotal"/>/<see cref="DecrementResourceTotal"/> when objects and triggers come and go;</item>
/// <item><see cref="DeleteScaledObject"/> when a ScaledObject is deleted, so no stale series remain.</item>
/// </list>
/// Series are held in dictionaries and reported by observable instruments, so deleting one is dropping a key.
/// </summary>
internal sealed class OperatorMetrics : IDisposable
{
    public const string MeterName = "keda";
    private const string ScaledObjectType = "scaledobject";

    private readonly Meter _meter;
    private readonly ConcurrentDictionary<ScalerKey, double> _values = new();
    private readonly ConcurrentDictionary<ScalerKey, double> _latencies = new();
    private readonly ConcurrentDictionary<ScalerKey, double> _active = new();
    private readonly ConcurrentDictionary<ScalerKey, long> _scalerErrors = new();
    private readonly ConcurrentDictionary<(string Namespace, string ScaledObject), long> _objectErrors = new();
    private readonly ConcurrentDictionary<(string Namespace, string ScaledObject), int> _paused = new();
    private readonly ConcurrentDictionary<(string Namespace, string ScaledObject), double> _loopLatency = new();
    private readonly ConcurrentDictionary<string, long> _triggers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Type, string Namespace), long> _resources = new();

    public OperatorMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        var version = typeof(OperatorMetrics).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        _meter.CreateObservableGauge("keda_build_info", () => new Measurement<int>(1,
            new("version", version), new("git_commit", "unknown"), new("goversion", Environment.Version.ToString()),
            new("goos", OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "darwin" : "linux"),
            new("goarch", System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant())),
            description: "Info metric, with static information about KEDA build like: version, git commit and Golang runtime info.");
        _meter.CreateObservableGauge("keda_scaler_metrics_value", () => Scalers(_values),
            description: "The current value for each scaler's metric that would be used by the HPA in computing the target average.");
        _meter.CreateObservableGauge("keda_scaler_metrics_latency_seconds", () => Scalers(_latencies),
            description: "The latency of retrieving current metric from each scaler, in seconds.");
        _meter.CreateObservableGauge("keda_scaler_active", () => Scalers(_active),
            description: "Indicates whether a scaler is active (1), or not (0).");
        _meter.CreateObservableCounter("keda_scaler_detail_errors_total",
            () => _scalerErrors.Select(e => new Measurement<long>(e.Value, e.Key.Tags())),
            description: "The total number of errors encountered for each scaler.");
        _meter.CreateObservableCounter("keda_scaled_object_errors_total",
            () => _objectErrors.Select(e => new Measurement<long>(e.Value, ObjectTags(e.Key))),
            description: "The number of errors that have occurred for each ScaledObject.");
        _meter.CreateObservableGauge("keda_scaled_object_paused",
            () => _paused.Select(e => new Measurement<int>(e.Value, ObjectTags(e.Key))),
            description: "Indicates whether a ScaledObject is paused (1), or not (0).");
        _meter.CreateObservableGauge("keda_internal_scale_loop_latency_seconds",
            () => _loopLatency.Select(e => new Measurement<double>(e.Value,
                new("namespace", e.Key.Namespace), new("type", ScaledObjectType), new("resource", e.Key.ScaledObject))),
            description: "Total deviation (in seconds) between the expected execution time and the actual execution time for the scaling loop.");
        _meter.CreateObservableGauge("keda_trigger_registered_total", Triggers,
            description: "Total number of triggers per trigger type registered.");
        _meter.CreateObservableGauge("keda_resource_registered_total", Resources,
            description: "Total number of KEDA custom resources per namespace for each custom resource type (CRD) registered.");
        // KEDA before 2.14 published the same two counts as keda_trigger_totals and keda_resource_totals; dashboards still read them.
        _meter.CreateObservableGauge("keda_trigger_totals", Triggers, description: "Deprecated: use keda_trigger_registered_total.");
        _meter.CreateObservableGauge("keda_resource_totals", Resources, description: "Deprecated: use keda_resource_registered_total.");
    }

    public void RecordScalerMetric(string ns, string scaledObject, string scaler, int triggerIndex, string metric, double value) =>
        _values[new ScalerKey(ns, scaledObject, scaler, triggerIndex, metric)] = value;

    public void RecordScalerLatency(string ns, string scaledObject, string scaler, int triggerIndex, string metric, TimeSpan latency) =>
        _latencies[new ScalerKey(ns, scaledObject, scaler, triggerIndex, metric)] = latency.TotalSeconds;

    public void RecordScalerActive(string ns, string scaledObject, string scaler, int triggerIndex, string metric, bool active) =>
        _active[new ScalerKey(ns, scaledObject, scaler, triggerIndex, metric)] = active ? 1 : 0;

    /// <summary>Counts a scaler error (and the ScaledObject's) when <paramref name="failed"/>; otherwise makes the series exist at 0, as KEDA does.</summary>
    public void RecordScalerError(string ns, string scaledObject, string scaler, int triggerIndex, string metric, bool failed)
    {
        _scalerErrors.AddOrUpdate(new ScalerKey(ns, scaledObject, scaler, triggerIndex, metric), failed ? 1 : 0, (_, n) => failed ? n + 1 : n);
        if (failed)
        {
            RecordScaledObjectError(ns, scaledObject, failed: true);
        }
    }

    public void RecordScaledObjectError(string ns, string scaledObject, bool failed) =>
        _objectErrors.AddOrUpdate((ns, scaledObject), failed ? 1 : 0, (_, n) => failed ? n + 1 : n);

    public void RecordScaledObjectPaused(string ns, string scaledObject, bool paused) => _paused[(ns, scaledObject)] = paused ? 1 : 0;

    public void RecordScaleLoopLatency(string ns, string scaledObject, TimeSpan drift) => _loopLatency[(ns, scaledObject)] = drift.TotalSeconds;

    public void IncrementTriggerTotal(string triggerType) => Add(_triggers, triggerType, +1);

    public void DecrementTriggerTotal(string triggerType) => Add(_triggers, triggerType, -1);

    /// <summary>Counts a KEDA custom resource (<c>scaled_object</c>, <c>trigger_authentication</c>, ...) in a namespace ("default" when empty, as KEDA).</summary>
    public void IncrementResourceTotal(string resourceType, string ns) => Add(_resources, (resourceType, ns.Length == 0 ? "default" : ns), +1);

    public void DecrementResourceTotal(string resourceType, string ns) => Add(_resources, (resourceType, ns.Length == 0 ? "default" : ns), -1);

    /// <summary>Drops every per-scaler and per-object series of a deleted ScaledObject (KEDA's <c>DeleteScalerMetrics</c>).</summary>
    public void DeleteScaledObject(string ns, string scaledObject)
    {
        foreach (var map in new[] { _values, _latencies, _active })
        {
            foreach (var key in map.Keys.Where(k => k.Namespace == ns && k.ScaledObject == scaledObject))
            {
                map.TryRemove(key, out _);
            }
        }

        foreach (var key in _scalerErrors.Keys.Where(k => k.Namespace == ns && k.ScaledObject == scaledObject))
        {
            _scalerErrors.TryRemove(key, out _);
        }

        _paused.TryRemove((ns, scaledObject), out _);
        _loopLatency.TryRemove((ns, scaledObject), out _);
    }

    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<double>> Scalers(ConcurrentDictionary<ScalerKey, double> map) =>
        map.Select(e => new Measurement<double>(e.Value, e.Key.Tags()));

    private IEnumerable<Measurement<long>> Triggers() =>
        _triggers.Select(e => new Measurement<long>(e.Value, new KeyValuePair<string, object?>("type", e.Key)));

    private IEnumerable<Measurement<long>> Resources() =>
        _resources.Select(e => new Measurement<long>(e.Value, new("type", e.Key.Type), new("namespace", e.Key.Namespace)));

    private static KeyValuePair<string, object?>[] ObjectTags((string Namespace, string ScaledObject) key) =>
        [new("namespace", key.Namespace), new("scaledObject", key.ScaledObject)];

    private static void Add<TKey>(ConcurrentDictionary<TKey, long> map, TKey key, long delta)
        where TKey : notnull => map.AddOrUpdate(key, Math.Max(0, delta), (_, n) => Math.Max(0, n + delta));

    private readonly record struct ScalerKey(string Namespace, string ScaledObject, string Scaler, int TriggerIndex, string Metric)
    {
        public KeyValuePair<string, object?>[] Tags() =>
        [
            new("namespace", Namespace),
            new("metric", Metric),
            new("scaledObject", ScaledObject),
            new("scaler", Scaler),
            new("triggerIndex", TriggerIndex.ToString(CultureInfo.InvariantCulture)),
            new("type", ScaledObjectType),
        ];
    }
}
