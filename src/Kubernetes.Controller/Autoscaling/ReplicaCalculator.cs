namespace Kubernetes.Controller.Autoscaling;

/// <summary>
/// Per-metric replica proposals, following kubernetes/kubernetes pkg/controller/podautoscaler/replica_calculator.go.
/// Values are milli-units, compared as integers the way upstream compares Quantity.MilliValue().
/// </summary>
internal sealed class ReplicaCalculator(
    Tolerances tolerances,
    TimeSpan cpuInitializationPeriod,
    TimeSpan delayOfInitialReadinessStatus,
    TimeProvider time)
{
    private const string Cpu = "cpu";

    public Tolerances Tolerances => tolerances;

    /// <summary>
    /// Resource metric with an AverageUtilization target (percent of the pods' requests); with
    /// <paramref name="container"/>, a ContainerResource metric against that container's requests only.
    /// </summary>
    public ReplicaProposal ResourceUtilization(
        int currentReplicas, int targetUtilization, string resource,
        IReadOnlyList<HpaPod> pods, IReadOnlyDictionary<string, PodMetricSample> podMetrics, string? container = null)
    {
        if (pods.Count == 0)
        {
            return ReplicaProposal.Failure("no pods returned by selector while calculating replica count");
        }

        var grouping = GroupPods(pods, podMetrics, resource);
        var metrics = WithoutIgnored(podMetrics, grouping.Ignored);
        var requests = PodRequests(pods, resource, container, out var requestError);
        if (requestError is not null)
        {
            return ReplicaProposal.Failure(requestError);
        }

        if (metrics.Count == 0)
        {
            return ReplicaProposal.Failure("did not receive metrics for targeted pods (pods might be unready)");
        }

        if (!UtilizationRatio(metrics, requests, targetUtilization, out var usageRatio, out var utilization, out var rawAverage))
        {
            return ReplicaProposal.Failure("no metrics returned matched known pods");
        }

        var rebalanceIgnored = grouping.Ignored.Count > 0 && usageRatio > 1.0;
        if (!rebalanceIgnored && grouping.Missing.Count == 0)
        {
            var replicas = tolerances.IsWithin(usageRatio) ? currentReplicas : CeilToInt(usageRatio * grouping.ReadyCount);
            return ReplicaProposal.Of(replicas, rawAverage, utilization);
        }

        if (grouping.Missing.Count > 0)
        {
            // Scale-down: a pod without metrics counts as using 100 % of its request; scale-up: as using nothing.
            // At exactly 1.0 upstream adds neither.
            foreach (var name in grouping.Missing)
            {
                if (usageRatio < 1.0)
                {
                    metrics[name] = requests[name];
                }
                else if (usageRatio > 1.0)
                {
                    metrics[name] = 0;
                }
            }
        }

        if (rebalanceIgnored)
        {
            foreach (var name in grouping.Ignored)
            {
                metrics[name] = 0;
            }
        }

        UtilizationRatio(metrics, requests, targetUtilization, out var newUsageRatio, out _, out _);
        if (tolerances.IsWithin(newUsageRatio) || FlipsDirection(usageRatio, newUsageRatio))
        {
            return ReplicaProposal.Of(currentReplicas, rawAverage, utilization);
        }

        var newReplicas = CeilToInt(newUsageRatio * metrics.Count);
        if ((newUsageRatio < 1.0 && newReplicas > currentReplicas) || (newUsageRatio > 1.0 && newReplicas < currentReplicas))
        {
            return ReplicaProposal.Of(currentReplicas, rawAverage, utilization);
        }

        return ReplicaProposal.Of(newReplicas, rawAverage, utilization);
    }

    /// <summary>Resource AverageValue and Pods metrics: average per-pod value against a per-pod target.</summary>
    public ReplicaProposal PlainMetric(
        int currentReplicas, long targetMilli, string resource,
        IReadOnlyList<HpaPod> pods, IReadOnlyDictionary<string, PodMetricSample> podMetrics)
    {
        if (pods.Count == 0)
        {
            return ReplicaProposal.Failure("no pods returned by selector while calculating replica count");
        }

        var grouping = GroupPods(pods, podMetrics, resource);
        var metrics = WithoutIgnored(podMetrics, grouping.Ignored);
        if (metrics.Count == 0)
        {
            return ReplicaProposal.Failure("did not receive metrics for targeted pods (pods might be unready)");
        }

        var (usageRatio, usage) = UsageRatio(metrics, targetMilli);
        var rebalanceIgnored = grouping.Ignored.Count > 0 && usageRatio > 1.0;
        if (!rebalanceIgnored && grouping.Missing.Count == 0)
        {
            var replicas = tolerances.IsWithin(usageRatio) ? currentReplicas : CeilToInt(usageRatio * grouping.ReadyCount);
            return ReplicaProposal.Of(replicas, usage);
        }

        foreach (var name in grouping.Missing)
        {
            metrics[name] = usageRatio < 1.0 ? targetMilli : 0;
        }

        if (rebalanceIgnored)
        {
            foreach (var name in grouping.Ignored)
            {
                metrics[name] = 0;
            }
        }

        var (newUsageRatio, _) = UsageRatio(metrics, targetMilli);
        if (tolerances.IsWithin(newUsageRatio) || FlipsDirection(usageRatio, newUsageRatio))
        {
            return ReplicaProposal.Of(currentReplicas, usage);
        }

        return ReplicaProposal.Of(CeilToInt(newUsageRatio * metrics.Count), usage);
    }

    /// <summary>
    /// External metric with a Value target: the summed value against the target, scaled by the ready pods.
    /// At zero replicas there is no tolerance, so the HPA can leave zero (upstream getUsageRatioReplicaCount).
    /// </summary>
    public ReplicaProposal ExternalValue(int specReplicas, long targetMilli, IReadOnlyList<long> valuesMilli, IReadOnlyList<HpaPod> pods)
    {
        var usage = Sum(valuesMilli);
        var usageRatio = (double)usage / targetMilli;
        if (specReplicas == 0)
        {
            return ReplicaProposal.Of(CeilToInt(usageRatio), usage);
        }

        if (tolerances.IsWithin(usageRatio))
        {
            return ReplicaProposal.Of(specReplicas, usage);
        }

        if (pods.Count == 0)
        {
            return ReplicaProposal.Failure("unable to calculate ready pods: no pods returned by selector while calculating replica count");
        }

        var ready = pods.Count(p => p.IsRunningAndReady);
        return ReplicaProposal.Of(CeilToInt(usageRatio * ready), usage);
    }

    /// <summary>
    /// External metric with an AverageValue target: ceil(total / target) when outside tolerance of the current
    /// status replicas, else the status replicas; the reported value is the per-pod average.
    /// </summary>
    public ReplicaProposal ExternalAverageValue(int statusReplicas, long targetPerPodMilli, IReadOnlyList<long> valuesMilli)
    {
        var usage = Sum(valuesMilli);
        var replicas = statusReplicas;
        var usageRatio = (double)usage / ((double)targetPerPodMilli * replicas);
        if (!tolerances.IsWithin(usageRatio))
        {
            replicas = CeilToInt((double)usage / targetPerPodMilli);
        }

        var average = statusReplicas == 0 ? usage : (long)Math.Ceiling((double)usage / statusReplicas);
        return ReplicaProposal.Of(replicas, average);
    }

    private PodGrouping GroupPods(IReadOnlyList<HpaPod> pods, IReadOnlyDictionary<string, PodMetricSample> metrics, string resource)
    {
        var ready = 0;
        var ignored = new HashSet<string>(StringComparer.Ordinal);
        var missing = new HashSet<string>(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        foreach (var pod in pods)
        {
            if (pod.Deleting || pod.Phase == PodPhases.Failed)
            {
                continue;
            }

            if (pod.Phase == PodPhases.Pending)
            {
                ignored.Add(pod.Name);
                continue;
            }

            if (!metrics.TryGetValue(pod.Name, out var metric))
            {
                missing.Add(pod.Name);
                continue;
            }

            if (resource == Cpu && IgnoreCpuSample(pod, metric, now))
            {
                ignored.Add(pod.Name);
                continue;
            }

            ready++;
        }

        return new PodGrouping(ready, ignored, missing);
    }

    // CPU samples of pods that are unready, or still warming up, are not trusted (upstream groupPods).
    private bool IgnoreCpuSample(HpaPod pod, PodMetricSample metric, DateTimeOffset now)
    {
        if (pod.Ready is null || pod.StartTime is null)
        {
            return true;
        }

        var transition = pod.ReadyTransitionTime ?? pod.StartTime.Value;
        if (pod.StartTime.Value + cpuInitializationPeriod > now)
        {
            return pod.Ready == false || metric.Timestamp < transition + metric.Window;
        }

        return pod.Ready == false && pod.StartTime.Value + delayOfInitialReadinessStatus > transition;
    }

    private static Dictionary<string, long> WithoutIgnored(IReadOnlyDictionary<string, PodMetricSample> metrics, HashSet<string> ignored)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, sample) in metrics)
        {
            if (!ignored.Contains(name))
            {
                result[name] = sample.MilliValue;
            }
        }

        return result;
    }

    private static Dictionary<string, long> PodRequests(IReadOnlyList<HpaPod> pods, string resource, string? container, out string? error)
    {
        var requests = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            long sum = 0;
            for (var i = 0; i < pod.Requests.Count; i++)
            {
                var name = pod.ContainerNames is { } names && i < names.Count ? names[i] : null;
                if (container is not null && name != container)
                {
                    continue;
                }

                if (!pod.Requests[i].TryGetValue(resource, out var request))
                {
                    error = $"missing request for {resource} in container {name ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture)} of Pod {pod.Name}";
                    return requests;
                }

                sum += request;
            }

            requests[pod.Name] = sum;
        }

        error = null;
        return requests;
    }

    // Upstream truncates the utilization to a whole percent before dividing by the target.
    private static bool UtilizationRatio(
        Dictionary<string, long> metrics, Dictionary<string, long> requests, int targetUtilization,
        out double ratio, out int utilization, out long rawAverage)
    {
        long metricsTotal = 0, requestsTotal = 0;
        var entries = 0;
        foreach (var (name, value) in metrics)
        {
            if (!requests.TryGetValue(name, out var request))
            {
                continue;
            }

            metricsTotal += value;
            requestsTotal += request;
            entries++;
        }

        if (requestsTotal == 0)
        {
            ratio = 0;
            utilization = 0;
            rawAverage = 0;
            return false;
        }

        utilization = (int)(metricsTotal * 100 / requestsTotal);
        ratio = (double)utilization / targetUtilization;
        rawAverage = metricsTotal / entries;
        return true;
    }

    private static (double Ratio, long Usage) UsageRatio(Dictionary<string, long> metrics, long targetMilli)
    {
        long total = 0;
        foreach (var value in metrics.Values)
        {
            total += value;
        }

        var usage = total / metrics.Count;
        return ((double)usage / targetMilli, usage);
    }

    private static bool FlipsDirection(double before, double after) =>
        (before < 1.0 && after > 1.0) || (before > 1.0 && after < 1.0);

    private static long Sum(IReadOnlyList<long> values)
    {
        long total = 0;
        foreach (var value in values)
        {
            // Upstream caps the sum at MaxInt64 rather than overflowing.
            total = value > 0 && total > long.MaxValue - value ? long.MaxValue : total + value;
        }

        return total;
    }

    internal static int CeilToInt(double value)
    {
        var ceiling = Math.Ceiling(value);
        return ceiling >= int.MaxValue ? int.MaxValue : double.IsNaN(ceiling) ? 0 : (int)ceiling;
    }

    private sealed record PodGrouping(int ReadyCount, HashSet<string> Ignored, HashSet<string> Missing);
}
