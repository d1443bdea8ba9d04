using System.Collections.Concurrent;
using k8s.Models;

namespace Kubernetes.Controller.Autoscaling;

/// <summary>
/// The decision half of upstream's reconcileAutoscaler (horizontal.go): from the HPA, its target's scale and the
/// metrics, the desired replica count, conditions and events. It keeps the per-HPA recommendation and scale-event
/// history; the caller performs the /scale and status writes and reports back through <see cref="CompleteRescale"/>.
/// </summary>
public sealed class HpaAutoscaler(
    double tolerance,
    TimeSpan downscaleStabilizationWindow,
    TimeSpan cpuInitializationPeriod,
    TimeSpan initialReadinessDelay,
    TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ScaleHistory> _histories = new(StringComparer.Ordinal);

    public static string KeyOf(V2HorizontalPodAutoscaler hpa) => $"{hpa.Metadata.NamespaceProperty}/{hpa.Metadata.Name}";

    internal ScaleHistory HistoryOf(string key) => _histories.GetOrAdd(key, _ => new ScaleHistory());

    /// <summary>Forget an autoscaler that was deleted.</summary>
    public void Forget(string key) => _histories.TryRemove(key, out _);

    public async Task<HpaDecision> DecideAsync(
        V2HorizontalPodAutoscaler hpa, ScaleSnapshot scale, IHpaMetricsSource metrics, CancellationToken cancellationToken)
    {
        var key = KeyOf(hpa);
        var history = HistoryOf(key);
        var now = time.GetUtcNow();
        var conditions = HpaConditions.Copy(hpa.Status?.Conditions);
        HpaConditions.Set(conditions, HpaConditions.AbleToScale, HpaConditions.True, "SucceededGetScale",
            "the HPA controller was able to get the target's current scale", now);

        var current = scale.SpecReplicas;
        if (history.Recommendations.Count == 0)
        {
            history.Recommendations.Add(new TimestampedRecommendation(current, now));
        }

        var minReplicas = hpa.Spec.MinReplicas ?? HpaDefaults.MinReplicas;
        var maxReplicas = hpa.Spec.MaxReplicas;
        if (current == 0 && minReplicas != 0)
        {
            // The HPA never scales a target up from zero; KEDA owns 0↔1 for exactly this reason.
            HpaConditions.Set(conditions, HpaConditions.ScalingActive, HpaConditions.False, "ScalingDisabled",
                "scaling is disabled since the replica count of the target is zero", now);
            return new HpaDecision { Key = key, CurrentReplicas = current, DesiredReplicas = 0, Rescale = false, Conditions = conditions };
        }

        if (current > maxReplicas)
        {
            return Clamp(key, current, maxReplicas, "Current number of replicas above Spec.MaxReplicas", conditions);
        }

        if (current < minReplicas)
        {
            return Clamp(key, current, minReplicas, "Current number of replicas below Spec.MinReplicas", conditions);
        }

        var events = new List<HpaEvent>();
        if (string.IsNullOrEmpty(scale.Selector))
        {
            events.Add(HpaEvent.Warning("SelectorRequired", "selector is required"));
            HpaConditions.Set(conditions, HpaConditions.ScalingActive, HpaConditions.False, "InvalidSelector",
                "the HPA target's scale is missing a selector", now);
            return Failed(key, current, hpa, "selector is required", conditions, events, hpa.Status?.CurrentMetrics?.ToList());
        }

        var calculator = new ReplicaCalculator(TolerancesOf(hpa), cpuInitializationPeriod, initialReadinessDelay, time);
        var outcome = await MetricReplicaComputer.ComputeAsync(hpa, scale, calculator, metrics, events, cancellationToken).ConfigureAwait(false);
        if (outcome.Error is not null)
        {
            HpaConditions.Set(conditions, HpaConditions.ScalingActive, HpaConditions.False, outcome.InvalidReason!, outcome.InvalidMessage!, now);
            events.Add(HpaEvent.Warning("FailedComputeMetricsReplicas", outcome.Error));
            return Failed(key, current, hpa, outcome.Error, conditions, events, outcome.Statuses);
        }

        HpaConditions.Set(conditions, HpaConditions.ScalingActive, HpaConditions.True, "ValidMetricFound",
            $"the HPA was able to successfully calculate a replica count from {outcome.MetricName}", now);

        var desired = Math.Max(0, outcome.Replicas);
        var reason = desired > current ? $"{outcome.MetricName} above target"
            : desired < current ? "All metrics below target" : "";
        desired = hpa.Spec.Behavior is null
            ? NormalizeWithoutBehavior(history, current, desired, minReplicas, maxReplicas, conditions, now)
            : NormalizeWithBehavior(history, hpa.Spec.Behavior, current, desired, minReplicas, maxReplicas, conditions, now);

        var decision = new HpaDecision
        {
            Key = key,
            CurrentReplicas = current,
            DesiredReplicas = desired,
            Rescale = desired != current,
            RescaleReason = reason,
            CurrentMetrics = outcome.Statuses,
            Conditions = conditions,
        };
        decision.Events.AddRange(events);
        return decision;
    }

    /// <summary>Record the result of the /scale write: conditions, the SuccessfulRescale event and the policies' history.</summary>
    public void CompleteRescale(V2HorizontalPodAutoscaler hpa, HpaDecision decision, string? error)
    {
        var now = time.GetUtcNow();
        if (error is not null)
        {
            decision.Events.Add(HpaEvent.Warning("FailedRescale",
                $"New size: {decision.DesiredReplicas}; reason: {decision.RescaleReason}; error: {error}"));
            HpaConditions.Set(decision.Conditions, HpaConditions.AbleToScale, HpaConditions.False, "FailedUpdateScale",
                $"the HPA controller was unable to update the target scale: {error}", now);
            decision.Rescale = false;
            return;
        }

        HpaConditions.Set(decision.Conditions, HpaConditions.AbleToScale, HpaConditions.True, "SucceededRescale",
            $"the HPA controller was able to update the target scale to {decision.DesiredReplicas}", now);
        decision.Events.Add(HpaEvent.Normal("SuccessfulRescale", $"New size: {decision.DesiredReplicas}; reason: {decision.RescaleReason}"));
        if (hpa.Spec.Behavior is { } behavior)
        {
            ReplicaNormalizer.StoreScaleEvent(HistoryOf(decision.Key), HpaBehaviors.ScaleUpRules(behavior.ScaleUp),
                HpaBehaviors.ScaleDownRules(behavior.ScaleDown, downscaleStabilizationWindow), decision.CurrentReplicas, decision.DesiredReplicas, now);
        }
    }

    /// <summary>The status to write after the sync (setStatus): lastScaleTime moves only on a successful rescale.</summary>
    public V2HorizontalPodAutoscalerStatus StatusFor(V2HorizontalPodAutoscaler hpa, HpaDecision decision) => new()
    {
        CurrentReplicas = decision.CurrentReplicas,
        DesiredReplicas = decision.Error is null ? decision.DesiredReplicas : hpa.Status?.DesiredReplicas ?? decision.CurrentReplicas,
        LastScaleTime = decision.Rescale ? time.GetUtcNow().UtcDateTime : hpa.Status?.LastScaleTime,
        CurrentMetrics = decision.CurrentMetrics is { Count: > 0 } metrics ? metrics : null,
        Conditions = decision.Conditions,
        ObservedGeneration = hpa.Metadata.Generation,
    };

    private int NormalizeWithoutBehavior(ScaleHistory history, int current, int desired, int minReplicas, int maxReplicas,
        List<V2HorizontalPodAutoscalerCondition> conditions, DateTimeOffset now)
    {
        var stabilized = ReplicaNormalizer.StabilizeWithoutBehavior(history, desired, downscaleStabilizationWindow, now);
        if (stabilized != desired)
        {
            HpaConditions.Set(conditions, HpaConditions.AbleToScale, HpaConditions.True, "ScaleDownStabilized",
                "recent recommendations were higher than current one, applying the highest recent recommendation", now);
        }
        else
        {
            HpaConditions.Set(conditions, HpaConditions.AbleToScale, HpaConditions.True, "ReadyForNewScale", "recommended size matches current size", now);
        }

        var limited = ReplicaNormalizer.ConvertWithRules(current, stabilized, minReplicas, maxReplicas);
        SetLimited(conditions, limited, stabilized, now);
        return limited.Replicas;
    }

    private int NormalizeWithBehavior(ScaleHistory history, V2HorizontalPodAutoscalerBehavior behavior, int current, int desired,
        int minReplicas, int maxReplicas, List<V2HorizontalPodAutoscalerCondition> conditions, DateTimeOffset now)
    {
        var up = HpaBehaviors.ScaleUpRules(behavior.ScaleUp);
        var down = HpaBehaviors.ScaleDownRules(behavior.ScaleDown, downscaleStabilizationWindow);
        var stabilized = ReplicaNormalizer.StabilizeWithBehaviors(history, current, desired,
            up.StabilizationWindowSeconds ?? 0, down.StabilizationWindowSeconds ?? 0, now);
        if (stabilized.Replicas != desired)
        {
            HpaConditions.Set(conditions, HpaConditions.AbleToScale, HpaConditions.True, stabilized.Reason, stabilized.Message, now);
        }
        else
        {
            HpaConditions.Set(conditions, HpaConditions.AbleToScale, HpaConditions.True, "ReadyForNewScale", "recommended size matches current size", now);
        }

        var limited = ReplicaNormalizer.ConvertWithBehaviorRate(history, current, stabilized.Replicas, minReplicas, maxReplicas, up, down, now);
        SetLimited(conditions, limited, stabilized.Replicas, now);
        return limited.Replicas;
    }

    private static void SetLimited(List<V2HorizontalPodAutoscalerCondition> conditions, LimitedReplicas limited, int stabilized, DateTimeOffset now) =>
        HpaConditions.Set(conditions, HpaConditions.ScalingLimited, limited.Replicas == stabilized ? HpaConditions.False : HpaConditions.True,
            limited.Reason, limited.Message, now);

    private Tolerances TolerancesOf(V2HorizontalPodAutoscaler hpa)
    {
        var down = hpa.Spec.Behavior?.ScaleDown?.Tolerance is { } d ? Quantities.ToDouble(d) : tolerance;
        var up = hpa.Spec.Behavior?.ScaleUp?.Tolerance is { } u ? Quantities.ToDouble(u) : tolerance;
        return new Tolerances(down, up);
    }

    private static HpaDecision Clamp(string key, int current, int desired, string reason, List<V2HorizontalPodAutoscalerCondition> conditions) =>
        new() { Key = key, CurrentReplicas = current, DesiredReplicas = desired, Rescale = desired != current, RescaleReason = reason, Conditions = conditions };

    private static HpaDecision Failed(string key, int current, V2HorizontalPodAutoscaler hpa, string error,
        List<V2HorizontalPodAutoscalerCondition> conditions, List<HpaEvent> events, List<V2MetricStatus>? metrics)
    {
        var decision = new HpaDecision
        {
            Key = key,
            CurrentReplicas = current,
            DesiredReplicas = hpa.Status?.DesiredReplicas ?? current,
            Rescale = false,
            Error = error,
            Conditions = conditions,
            CurrentMetrics = metrics,
        };
        decision.Events.AddRange(events);
        return decision;
    }
}
