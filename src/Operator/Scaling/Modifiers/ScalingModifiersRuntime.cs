using Operator.Api;
using Operator.Scalers;

namespace Operator.Scaling.Modifiers;

/// <summary>
/// KEDA's <c>pkg/scaling/modifiers</c> at run time: maps each trigger's metric to its trigger name, feeds the values
/// (nil for triggers already falling back with behavior <c>scalingModifiers</c>) to the compiled formula, and emits
/// the single <c>composite-metric</c>.
/// </summary>
public static class ScalingModifiersRuntime
{
    /// <summary>
    /// KEDA's <c>GetPairTriggerAndMetric</c>: with a formula, metric → trigger name (a trigger without a name cannot
    /// feed a formula); without one, an empty map.
    /// </summary>
    public static IReadOnlyDictionary<string, string> GetPairTriggerAndMetric(ScaledObject scaledObject, string metricName, string? triggerName, out string? error)
    {
        ArgumentNullException.ThrowIfNull(scaledObject);
        error = null;
        if (string.IsNullOrEmpty(scaledObject.Spec.Advanced?.ScalingModifiers?.Formula))
        {
            return new Dictionary<string, string>();
        }

        if (string.IsNullOrEmpty(triggerName))
        {
            error = $"trigger name not given with compositeScaler for metric {metricName}";
            return new Dictionary<string, string>();
        }

        return new Dictionary<string, string>(StringComparer.Ordinal) { [metricName] = triggerName };
    }

    /// <summary>
    /// KEDA's <c>scalingModifierTriggerValue</c>: the metric's value, or nil (null) once its consecutive failures
    /// exceed <c>fallback.failureThreshold</c> under fallback behavior <c>scalingModifiers</c> (the formula's
    /// <c>??</c> then picks an alternative). <paramref name="health"/> is this poll's health (after fallback), passed
    /// explicitly so the result never depends on which step wrote the status first.
    /// </summary>
    public static double? TriggerValue(ScaledObject scaledObject, IReadOnlyDictionary<string, HealthStatus>? health, MetricValue metric)
    {
        ArgumentNullException.ThrowIfNull(scaledObject);
        if (scaledObject.Spec.Fallback is { Behavior: "scalingModifiers" } fallback
            && health?.TryGetValue(metric.MetricName, out var entry) == true
            && (entry.NumberOfFailures ?? 0) > fallback.FailureThreshold)
        {
            return null;
        }

        return metric.Value;
    }

    /// <summary>
    /// KEDA's <c>calculateScalingModifiersFormula</c>: evaluates the formula over the metrics (keyed by trigger name
    /// through <paramref name="metricToTrigger"/>). A nil result becomes <c>fallback.replicas × target</c>.
    /// </summary>
    public static MetricValue? CalculateComposite(
        ScaledObject scaledObject,
        IReadOnlyDictionary<string, HealthStatus>? health,
        IEnumerable<MetricValue> metrics,
        IReadOnlyDictionary<string, string> metricToTrigger,
        CompiledFormula? formula,
        out string? error)
    {
        ArgumentNullException.ThrowIfNull(scaledObject);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(metricToTrigger);
        if (formula is null)
        {
            error = "cached compiled formula is nil during its calculation";
            return null;
        }

        var values = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            if (metricToTrigger.TryGetValue(metric.MetricName, out var trigger))
            {
                values[trigger] = TriggerValue(scaledObject, health, metric);
            }
        }

        if (!formula.TryEvaluate(values, out var result, out var runError))
        {
            error = $"error trying to run custom formula: {runError}";
            return null;
        }

        if (result is null)
        {
            var target = GoFloat.TryParse(scaledObject.Spec.Advanced?.ScalingModifiers?.Target ?? "", out var t, out _) ? t : 0;
            if (scaledObject.Spec.Fallback is not { } fallback)
            {
                error = "error trying to run custom formula: the formula returned nil and no fallback is configured";
                return null;
            }

            result = fallback.Replicas * target;
        }

        error = null;
        return new MetricValue(ScaledObjectDefaults.CompositeMetricName, result.Value);
    }

    /// <summary>
    /// KEDA's <c>HandleScalingModifiers</c>: without modifiers the metrics pass through; while fallback is active the
    /// per-trigger fallback values collapse into one composite metric (the first one, so replicas are not multiplied
    /// by the trigger count); otherwise the formula is applied.
    /// </summary>
    public static IReadOnlyList<MetricValue> Handle(
        ScaledObject scaledObject,
        IReadOnlyDictionary<string, HealthStatus>? health,
        IReadOnlyList<MetricValue> metrics,
        IReadOnlyDictionary<string, string> metricToTrigger,
        bool fallbackActive,
        IReadOnlyList<MetricValue> fallbackMetrics,
        CompiledFormula? formula,
        out string? error)
    {
        ArgumentNullException.ThrowIfNull(scaledObject);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(fallbackMetrics);
        error = null;
        if (!scaledObject.IsUsingModifiers() || string.IsNullOrEmpty(scaledObject.Spec.Advanced?.ScalingModifiers?.Formula))
        {
            return fallbackActive && fallbackMetrics.Count > 0 ? fallbackMetrics : metrics;
        }

        if (fallbackActive && fallbackMetrics.Count > 0)
        {
            return [new MetricValue(ScaledObjectDefaults.CompositeMetricName, fallbackMetrics[0].Value)];
        }

        var composite = CalculateComposite(scaledObject, health, metrics, metricToTrigger, formula, out error);
        return composite is { } value ? [value] : [];
    }
}
