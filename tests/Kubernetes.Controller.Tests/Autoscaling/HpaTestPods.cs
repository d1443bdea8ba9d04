using Kubernetes.Controller.Autoscaling;
using Microsoft.Extensions.Time.Testing;

namespace Kubernetes.Controller.Tests.Autoscaling;

/// <summary>Pods and metrics shaped like upstream replica_calculator_test.go's fixtures.</summary>
internal static class HpaTestPods
{
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    // Upstream's testing constants: 2 min CPU initialization, 10 s initial readiness delay.
    public static ReplicaCalculator Calculator(double tolerance = 0.1) =>
        new(Tolerances.Uniform(tolerance), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(10), new FakeTimeProvider(Now));

    public static DateTimeOffset Cool => Now.AddMinutes(-3);

    public static DateTimeOffset Hot => Now.AddSeconds(-30);

    public static HpaPod Pod(int index, bool ready = true, string phase = PodPhases.Running, DateTimeOffset? start = null,
        bool deleting = false, long cpuRequestMilli = 1000)
    {
        var started = start ?? Cool;
        return new HpaPod($"test-pod-{index}", phase, ready, started, started, deleting,
            [new Dictionary<string, long> { ["cpu"] = cpuRequestMilli }]);
    }

    public static List<HpaPod> PodSet(int count) => Enumerable.Range(0, count).Select(i => Pod(i)).ToList();

    public static List<HpaPod> PodSet(params bool[] readiness) => readiness.Select((r, i) => Pod(i, r)).ToList();

    public static Dictionary<string, PodMetricSample> Levels(params long[] milli) =>
        milli.Select((v, i) => (Name: $"test-pod-{i}", Sample: new PodMetricSample(v, Now, TimeSpan.FromMinutes(1))))
            .ToDictionary(p => p.Name, p => p.Sample);
}
