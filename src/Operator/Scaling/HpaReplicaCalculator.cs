namespace Operator.Scaling;

/// <summary>
/// The HPA controller's replica math for External metrics (kubernetes <c>replica_calculator.go</c>), used by the
/// direct scaling mode. Values are milli-units as the HPA compares them (<c>Quantity.MilliValue()</c>).
/// </summary>
internal static class HpaReplicaCalculator
{
    /// <summary>
    /// External <c>AverageValue</c> target (<c>GetExternalPerPodMetricReplicas</c>): outside tolerance of
    /// <c>usage / (target * statusReplicas)</c> → <c>ceil(usage / target)</c>, else <paramref name="statusReplicas"/>.
    /// </summary>
    public static int ExternalAverageValue(long usageMilli, long targetAverageMilli, int statusReplicas, double tolerance = ScalingDefaults.HpaTolerance)
    {
        var usageRatio = usageMilli / ((double)targetAverageMilli * statusReplicas);
        return IsWithin(usageRatio, tolerance) ? statusReplicas : ToReplicas(usageMilli / (double)targetAverageMilli);
    }

    /// <summary>
    /// External <c>Value</c> target (<c>GetExternalMetricReplicas</c>): with replicas, within tolerance of
    /// <c>usage / target</c> → current, else <c>ceil(ratio * readyPods)</c>; at 0 replicas <c>ceil(ratio)</c> without tolerance.
    /// </summary>
    public static int ExternalValue(long usageMilli, long targetMilli, int currentReplicas, int readyPods, double tolerance = ScalingDefaults.HpaTolerance)
    {
        var usageRatio = usageMilli / (double)targetMilli;
        if (currentReplicas == 0)
        {
            return ToReplicas(usageRatio);
        }

        return IsWithin(usageRatio, tolerance) ? currentReplicas : ToReplicas(usageRatio * readyPods);
    }

    /// <summary>
    /// The reconcile step around the per-metric proposals: a current count outside [min, max] is brought inside;
    /// otherwise the largest proposal wins, clamped to [min, max] (stabilization and rate policies are not applied).
    /// </summary>
    public static int Desired(IReadOnlyCollection<int> proposals, int currentReplicas, int minReplicas, int maxReplicas)
    {
        if (currentReplicas > maxReplicas)
        {
            return maxReplicas;
        }

        if (currentReplicas < minReplicas)
        {
            return minReplicas;
        }

        return proposals.Count == 0 ? currentReplicas : Math.Clamp(proposals.Max(), minReplicas, maxReplicas);
    }

    /// <summary>Kubernetes' tolerance check: <c>1 - tolerance &lt;= ratio &lt;= 1 + tolerance</c>.</summary>
    public static bool IsWithin(double usageRatio, double tolerance) => 1 - tolerance <= usageRatio && usageRatio <= 1 + tolerance;

    private static int ToReplicas(double value)
    {
        var ceiling = Math.Ceiling(value);
        return double.IsNaN(ceiling) ? 0 : (int)Math.Min(ceiling, int.MaxValue);
    }
}
