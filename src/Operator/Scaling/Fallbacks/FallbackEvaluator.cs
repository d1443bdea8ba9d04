using k8s.Models;
using Operator.Api;
using Operator.Scalers;
using Operator.Scaling.Modifiers;
using Operator.Scaling.Status;

namespace Operator.Scaling.Fallbacks;

/// <summary>
/// KEDA's fallback (<c>pkg/fallback/fallback.go</c>): per-metric health bookkeeping in <c>status.health</c>, and after
/// <c>failureThreshold</c> consecutive failures (i.e. on failure number threshold+1) a value that makes the HPA
/// compute the fallback replica count. Pure: the metric's new health entry travels in the result
/// (<see cref="FallbackResult.Health"/>) and the Fallback condition is derived from the merged health with
/// <see cref="FallbackCondition"/>; the ScaledObject handed in is never modified.
/// </summary>
internal static class FallbackEvaluator
{
    public const string ErrorPerformingFallback = "error performing fallback";

    public static bool IsEnabled(ScaledObject so) => so.Spec.Fallback is not null;

    /// <summary>
    /// KEDA's <c>HasValidFallback</c>: non-negative threshold and replicas, and with scalingModifiers a target that
    /// parses as an int64 above 0 (KEDA quirk: a target like "2.5" silently disables fallback).
    /// </summary>
    public static bool HasValidFallback(ScaledObject so)
    {
        var fallback = so.Spec.Fallback;
        if (fallback is null)
        {
            return false;
        }

        var modifiersOk = true;
        if (so.IsUsingModifiers())
        {
            modifiersOk = long.TryParse(so.Spec.Advanced?.ScalingModifiers?.Target, System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture, out var target) && target > 0;
        }

        return fallback.FailureThreshold >= 0 && fallback.Replicas >= 0 && modifiersOk;
    }

    /// <summary>
    /// Whether <see cref="Apply"/> needs the target's current replicas: every behavior except static. An unset
    /// behavior is the CRD default <c>static</c>; the replica count it yields never depends on current replicas.
    /// </summary>
    public static bool NeedsCurrentReplicas(ScaledObject so) =>
        so.Spec.Fallback is { Behavior: { Length: > 0 } behavior } && behavior != FallbackBehaviors.Static;

    /// <summary>Whether <see cref="Apply"/> needs the number of Running+Ready pods (Value targets divide by it).</summary>
    public static bool NeedsReadyReplicas(ScaledObject so, V2MetricSpec metricSpec) =>
        so.IsUsingModifiers()
            ? so.Spec.Advanced?.ScalingModifiers?.MetricType == "Value"
            : metricSpec.External?.Target?.Type == "Value";

    /// <summary>
    /// Applies fallback to one metric query. <paramref name="scalerError"/> null means the scaler returned
    /// <paramref name="metrics"/>. The previous health of <paramref name="metricName"/> is read from
    /// <paramref name="health"/> (default: the ScaledObject's status); the new one is returned in
    /// <see cref="FallbackResult.Health"/> (null when fallback is not configured). <paramref name="countFailure"/> false
    /// says this failure was already counted in the current polling interval: a failing count stays as it is.
    /// <paramref name="currentReplicas"/> and <paramref name="readyReplicas"/> are null when they could not be read
    /// (only consulted when <see cref="NeedsCurrentReplicas"/> / <see cref="NeedsReadyReplicas"/> say so).
    /// </summary>
    public static FallbackResult Apply(
        ScaledObject so,
        string metricName,
        IReadOnlyList<MetricValue> metrics,
        string? scalerError,
        V2MetricSpec metricSpec,
        int? currentReplicas = null,
        int? readyReplicas = null,
        IReadOnlyDictionary<string, HealthStatus>? health = null,
        bool countFailure = true)
    {
        var configured = IsEnabled(so) && HasValidFallback(so);
        if (scalerError is null)
        {
            var happy = configured ? new HealthStatus { NumberOfFailures = 0, Status = HealthStatuses.Happy } : null;
            return FallbackResult.Passthrough(metrics) with { Health = happy };
        }

        if (!configured)
        {
            return FallbackResult.Failed(scalerError);
        }

        var fallback = so.Spec.Fallback!;
        var previous = (health ?? so.Status?.Health)?.GetValueOrDefault(metricName);
        var counted = !countFailure && previous is { Status: HealthStatuses.Failing, NumberOfFailures: > 0 };
        var failures = (previous?.NumberOfFailures ?? 0) + (counted ? 0 : 1);
        var entry = new HealthStatus { NumberOfFailures = failures, Status = HealthStatuses.Failing };
        if (failures <= fallback.FailureThreshold)
        {
            return FallbackResult.Failed(scalerError) with { Health = entry };
        }

        if (fallback.Behavior == FallbackBehaviors.ScalingModifiers)
        {
            // The formula engine reads -1 as nil for its "??" operator.
            return new FallbackResult([new MetricValue(metricName, -1)], false, null) { Health = entry };
        }

        if (NeedsCurrentReplicas(so) && currentReplicas is null)
        {
            return FallbackResult.Failed(scalerError) with { Health = entry };
        }

        var value = FallbackValue(so, metricName, metricSpec, currentReplicas ?? 0, readyReplicas);
        return value is null
            ? FallbackResult.Failed(ErrorPerformingFallback) with { Health = entry }
            : new FallbackResult([value.Value], true, null) { Health = entry };
    }

    /// <summary>
    /// <paramref name="health"/> with the entries of <paramref name="updates"/> replaced (a new dictionary; null when
    /// both are empty and the status had none).
    /// </summary>
    public static Dictionary<string, HealthStatus>? Merge(
        IReadOnlyDictionary<string, HealthStatus>? health, IEnumerable<KeyValuePair<string, HealthStatus>> updates)
    {
        Dictionary<string, HealthStatus>? merged = health?.ToDictionary(
            p => p.Key, p => new HealthStatus { NumberOfFailures = p.Value.NumberOfFailures, Status = p.Value.Status }, StringComparer.Ordinal);
        foreach (var (metric, entry) in updates)
        {
            merged ??= new Dictionary<string, HealthStatus>(StringComparer.Ordinal);
            merged[metric] = entry;
        }

        return merged;
    }

    /// <summary>
    /// The Fallback condition KEDA writes whenever it records health: True/<c>FallbackExists</c> when any metric failed
    /// more than <c>failureThreshold</c> times in a row, else False/<c>NoFallbackFound</c>.
    /// </summary>
    public static Condition FallbackCondition(ScaledObject so, IReadOnlyDictionary<string, HealthStatus>? health) =>
        IsFallbackActive(so, health)
            ? new Condition { Type = ConditionTypes.Fallback, Status = ConditionStatuses.True, Reason = ConditionReasons.FallbackExists, Message = ConditionMessages.FallbackExists }
            : new Condition { Type = ConditionTypes.Fallback, Status = ConditionStatuses.False, Reason = ConditionReasons.NoFallbackFound, Message = ConditionMessages.NoFallbackFound };

    /// <summary>The replica count a behavior asks for.</summary>
    public static int FallbackReplicas(Fallback fallback, int currentReplicas) => fallback.Behavior switch
    {
        FallbackBehaviors.CurrentReplicas => currentReplicas,
        FallbackBehaviors.CurrentReplicasIfHigher => Math.Max(currentReplicas, fallback.Replicas),
        FallbackBehaviors.CurrentReplicasIfLower => Math.Min(currentReplicas, fallback.Replicas),
        _ => fallback.Replicas,
    };

    /// <summary>True when any metric failed more than <c>failureThreshold</c> times in a row.</summary>
    public static bool IsFallbackActive(ScaledObject so) => IsFallbackActive(so, so.Status?.Health);

    /// <summary>True when any entry of <paramref name="health"/> failed more than <c>failureThreshold</c> times in a row.</summary>
    public static bool IsFallbackActive(ScaledObject so, IReadOnlyDictionary<string, HealthStatus>? health) =>
        so.Spec.Fallback is { } fallback && (health?.Values.Any(h =>
            h.Status == HealthStatuses.Failing && (h.NumberOfFailures ?? 0) > fallback.FailureThreshold) ?? false);

    private static MetricValue? FallbackValue(ScaledObject so, string metricName, V2MetricSpec metricSpec, int currentReplicas, int? readyReplicas)
    {
        double replicas = FallbackReplicas(so.Spec.Fallback!, currentReplicas);
        if (NeedsReadyReplicas(so, metricSpec))
        {
            if (readyReplicas is not > 0)
            {
                return null;
            }

            replicas /= readyReplicas.Value;
        }

        double normalisation;
        if (so.IsUsingModifiers())
        {
            // Validated by HasValidFallback; KEDA ignores the parse error here.
            normalisation = GoFloat.TryParse(so.Spec.Advanced?.ScalingModifiers?.Target ?? "", out var target, out _) ? target : 0;
            metricName = ScaledObjectDefaults.CompositeMetricName;
        }
        else
        {
            var target = metricSpec.External?.Target;
            if (target is null)
            {
                return null;
            }

            var quantity = target.Type switch
            {
                "AverageValue" => target.AverageValue?.ToString(),
                "Value" => target.Value?.ToString(),
                _ => null,
            };
            normalisation = KubernetesQuantity.TryParse(quantity, out var parsed) ? parsed : 0;
        }

        // KEDA builds NewMilliQuantity(int64(normalisationValue*1000*replicas)): truncated milli units.
        var milli = Math.Truncate(normalisation * 1000 * replicas);
        return new MetricValue(metricName, milli / 1000);
    }
}
