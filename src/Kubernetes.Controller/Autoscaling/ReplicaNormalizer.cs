using k8s.Models;

namespace Kubernetes.Controller.Autoscaling;

/// <summary>A normalized replica count with the reason/message for the ScalingLimited condition.</summary>
internal readonly record struct LimitedReplicas(int Replicas, string Reason, string Message);

/// <summary>A stabilized recommendation with the reason/message for the AbleToScale condition when it differs.</summary>
internal readonly record struct StabilizedReplicas(int Replicas, string Reason, string Message);

/// <summary>
/// Stabilization windows and rate limits, following horizontal.go (normalizeDesiredReplicas and
/// normalizeDesiredReplicasWithBehaviors and their helpers). Pure apart from the history it updates.
/// </summary>
internal static class ReplicaNormalizer
{
    public const string ScaleUpLimitMessage = "the desired replica count is increasing faster than the maximum scale rate";
    public const string ScaleDownLimitMessage = "the desired replica count is decreasing faster than the maximum scale rate";
    public const string TooManyMessage = "the desired replica count is more than the maximum replica count";
    public const string TooFewMessage = "the desired replica count is less than the minimum replica count";
    public const string WithinRangeMessage = "the desired count is within the acceptable range";

    /// <summary>Without behavior: the highest recommendation of the downscale window wins (stabilizeRecommendation).</summary>
    public static int StabilizeWithoutBehavior(ScaleHistory history, int prenormalized, TimeSpan window, DateTimeOffset now)
    {
        var max = prenormalized;
        var oldIndex = -1;
        var cutoff = now - window;
        for (var i = 0; i < history.Recommendations.Count; i++)
        {
            var rec = history.Recommendations[i];
            if (rec.Timestamp < cutoff)
            {
                oldIndex = i;
            }
            else if (rec.Recommendation > max)
            {
                max = rec.Recommendation;
            }
        }

        Record(history, oldIndex, new TimestampedRecommendation(prenormalized, now));
        return max;
    }

    /// <summary>Without behavior: clamp to [min, min(max, scaleUpLimit)] (convertDesiredReplicasWithRules).</summary>
    public static LimitedReplicas ConvertWithRules(int current, int desired, int minReplicas, int maxReplicas)
    {
        var scaleUpLimit = (int)Math.Max(HpaDefaults.ScaleUpLimitFactor * current, HpaDefaults.ScaleUpLimitMinimum);
        int maximumAllowed;
        string reason, message;
        if (maxReplicas > scaleUpLimit)
        {
            maximumAllowed = scaleUpLimit;
            reason = "ScaleUpLimit";
            message = ScaleUpLimitMessage;
        }
        else
        {
            maximumAllowed = maxReplicas;
            reason = "TooManyReplicas";
            message = TooManyMessage;
        }

        if (desired < minReplicas)
        {
            return new LimitedReplicas(minReplicas, "TooFewReplicas", TooFewMessage);
        }

        return desired > maximumAllowed
            ? new LimitedReplicas(maximumAllowed, reason, message)
            : new LimitedReplicas(desired, "DesiredWithinRange", WithinRangeMessage);
    }

    /// <summary>
    /// With behavior: keep the recommendation between the lowest recommendation of the scale-up window and the
    /// highest of the scale-down window, starting from the current count (stabilizeRecommendationWithBehaviors).
    /// </summary>
    public static StabilizedReplicas StabilizeWithBehaviors(
        ScaleHistory history, int current, int desired, int upWindowSeconds, int downWindowSeconds, DateTimeOffset now)
    {
        var upRecommendation = desired;
        var downRecommendation = desired;
        var upCutoff = now - TimeSpan.FromSeconds(upWindowSeconds);
        var downCutoff = now - TimeSpan.FromSeconds(downWindowSeconds);
        var oldIndex = -1;
        for (var i = 0; i < history.Recommendations.Count; i++)
        {
            var rec = history.Recommendations[i];
            if (rec.Timestamp > upCutoff)
            {
                upRecommendation = Math.Min(rec.Recommendation, upRecommendation);
            }

            if (rec.Timestamp > downCutoff)
            {
                downRecommendation = Math.Max(rec.Recommendation, downRecommendation);
            }

            if (rec.Timestamp < upCutoff && rec.Timestamp < downCutoff)
            {
                oldIndex = i;
            }
        }

        var recommendation = Math.Min(Math.Max(current, upRecommendation), downRecommendation);
        Record(history, oldIndex, new TimestampedRecommendation(desired, now));
        return desired >= current
            ? new StabilizedReplicas(recommendation, "ScaleUpStabilized",
                "recent recommendations were lower than current one, applying the lowest recent recommendation")
            : new StabilizedReplicas(recommendation, "ScaleDownStabilized",
                "recent recommendations were higher than current one, applying the highest recent recommendation");
    }

    /// <summary>With behavior: apply the policies' rate limits, then min/max (convertDesiredReplicasWithBehaviorRate).</summary>
    public static LimitedReplicas ConvertWithBehaviorRate(
        ScaleHistory history, int current, int desired, int minReplicas, int maxReplicas,
        V2HPAScalingRules upRules, V2HPAScalingRules downRules, DateTimeOffset now)
    {
        if (desired > current)
        {
            var scaleUpLimit = Math.Max(ScaleUpLimit(current, history.ScaleUpEvents, history.ScaleDownEvents, upRules, now), current);
            var (maximumAllowed, reason, message) = maxReplicas > scaleUpLimit
                ? (scaleUpLimit, "ScaleUpLimit", ScaleUpLimitMessage)
                : (maxReplicas, "TooManyReplicas", TooManyMessage);
            if (desired > maximumAllowed)
            {
                return new LimitedReplicas(maximumAllowed, reason, message);
            }
        }
        else if (desired < current)
        {
            var scaleDownLimit = Math.Min(ScaleDownLimit(current, history.ScaleUpEvents, history.ScaleDownEvents, downRules, now), current);
            var (minimumAllowed, reason, message) = minReplicas < scaleDownLimit
                ? (scaleDownLimit, "ScaleDownLimit", ScaleDownLimitMessage)
                : (minReplicas, "TooFewReplicas", TooFewMessage);
            if (desired < minimumAllowed)
            {
                return new LimitedReplicas(minimumAllowed, reason, message);
            }
        }

        return new LimitedReplicas(desired, "DesiredWithinRange", WithinRangeMessage);
    }

    /// <summary>The most replicas the scale-up policies allow now (calculateScaleUpLimitWithScalingRules).</summary>
    public static int ScaleUpLimit(int current, IReadOnlyList<ScaleEvent> upEvents, IReadOnlyList<ScaleEvent> downEvents,
        V2HPAScalingRules rules, DateTimeOffset now)
    {
        if (rules.SelectPolicy == HpaDefaults.SelectPolicyDisabled)
        {
            return current;
        }

        var pickMin = rules.SelectPolicy == HpaDefaults.SelectPolicyMin;
        var result = pickMin ? int.MaxValue : int.MinValue;
        foreach (var policy in rules.Policies ?? [])
        {
            var periodStart = current - ChangeInPeriod(policy.PeriodSeconds, upEvents, now) + ChangeInPeriod(policy.PeriodSeconds, downEvents, now);
            var proposed = policy.Type == HpaDefaults.PolicyTypePods
                ? periodStart + policy.Value
                : (int)Math.Ceiling(periodStart * (1 + (policy.Value / 100.0)));
            result = pickMin ? Math.Min(result, proposed) : Math.Max(result, proposed);
        }

        return result;
    }

    /// <summary>The fewest replicas the scale-down policies allow now (calculateScaleDownLimitWithBehaviors).</summary>
    public static int ScaleDownLimit(int current, IReadOnlyList<ScaleEvent> upEvents, IReadOnlyList<ScaleEvent> downEvents,
        V2HPAScalingRules rules, DateTimeOffset now)
    {
        if (rules.SelectPolicy == HpaDefaults.SelectPolicyDisabled)
        {
            return current;
        }

        var pickMin = rules.SelectPolicy == HpaDefaults.SelectPolicyMin;
        var result = pickMin ? int.MinValue : int.MaxValue;
        foreach (var policy in rules.Policies ?? [])
        {
            var periodStart = current - ChangeInPeriod(policy.PeriodSeconds, upEvents, now) + ChangeInPeriod(policy.PeriodSeconds, downEvents, now);
            // Upstream truncates the percent proposal toward zero.
            var proposed = policy.Type == HpaDefaults.PolicyTypePods
                ? periodStart - policy.Value
                : (int)(periodStart * (1 - (policy.Value / 100.0)));
            result = pickMin ? Math.Max(result, proposed) : Math.Min(result, proposed);
        }

        return result;
    }

    /// <summary>Remember a rescale for the policies, reusing a slot older than the longest policy period (storeScaleEvent).</summary>
    public static void StoreScaleEvent(ScaleHistory history, V2HPAScalingRules? upRules, V2HPAScalingRules? downRules,
        int previous, int next, DateTimeOffset now)
    {
        var scaleUp = next > previous;
        var rules = scaleUp ? upRules : downRules;
        if (rules is null)
        {
            return;
        }

        var events = scaleUp ? history.ScaleUpEvents : history.ScaleDownEvents;
        var longest = (rules.Policies ?? []).Select(p => p.PeriodSeconds).DefaultIfEmpty(0).Max();
        var cutoff = now - TimeSpan.FromSeconds(longest);
        var reuse = -1;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Timestamp < cutoff)
            {
                events[i] = events[i] with { Outdated = true };
            }

            if (events[i].Outdated)
            {
                reuse = i;
            }
        }

        var change = new ScaleEvent(Math.Abs(next - previous), now);
        if (reuse >= 0)
        {
            events[reuse] = change;
        }
        else
        {
            events.Add(change);
        }
    }

    public static int ChangeInPeriod(int periodSeconds, IReadOnlyList<ScaleEvent> events, DateTimeOffset now)
    {
        var cutoff = now - TimeSpan.FromSeconds(periodSeconds);
        var sum = 0;
        foreach (var e in events)
        {
            if (e.Timestamp > cutoff)
            {
                sum += e.ReplicaChange;
            }
        }

        return sum;
    }

    private static void Record(ScaleHistory history, int oldIndex, TimestampedRecommendation recommendation)
    {
        if (oldIndex >= 0)
        {
            history.Recommendations[oldIndex] = recommendation;
        }
        else
        {
            history.Recommendations.Add(recommendation);
        }
    }
}
