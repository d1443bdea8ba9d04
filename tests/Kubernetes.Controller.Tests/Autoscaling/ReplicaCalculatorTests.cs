using Kubernetes.Controller.Autoscaling;
using static Kubernetes.Controller.Tests.Autoscaling.HpaTestPods;

namespace Kubernetes.Controller.Tests.Autoscaling;

/// <summary>Cases reproduced from kubernetes/kubernetes pkg/controller/podautoscaler/replica_calculator_test.go.</summary>
public sealed class ReplicaCalculatorTests
{
    [Fact]
    public void ResourceUtilization_ScaleUp_CeilsRatioTimesReadyPods()
    {
        var result = Calculator().ResourceUtilization(3, 30, "cpu", PodSet(3), Levels(300, 500, 700));

        Assert.Equal(5, result.Replicas);
        Assert.Equal(50, result.Utilization);
    }

    [Fact]
    public void ResourceUtilization_ScaleUpUnready_CountsUnreadyAsZeroOnScaleUp()
    {
        var result = Calculator().ResourceUtilization(3, 30, "cpu", PodSet(false, true, true), Levels(300, 500, 700));

        Assert.Equal(4, result.Replicas);
        Assert.Equal(60, result.Utilization);
    }

    [Fact]
    public void ResourceUtilization_ScaleUpUnreadyNoScale_KeepsReplicasWhenRebalanceFlipsDirection()
    {
        var result = Calculator().ResourceUtilization(3, 30, "cpu", PodSet(true, false, false), Levels(400, 500, 700));

        Assert.Equal(3, result.Replicas);
        Assert.Equal(40, result.Utilization);
    }

    [Fact]
    public void ResourceUtilization_ScaleDown_UsesAverageUtilization()
    {
        var result = Calculator().ResourceUtilization(5, 50, "cpu", PodSet(5), Levels(100, 300, 500, 250, 250));

        Assert.Equal(3, result.Replicas);
        Assert.Equal(28, result.Utilization);
    }

    [Fact]
    public void ResourceUtilization_ScaleDownIncludeUnreadyPods_IgnoresUnreadySamples()
    {
        var result = Calculator().ResourceUtilization(5, 50, "cpu", PodSet(true, true, true, false, false), Levels(100, 300, 500, 250, 250));

        Assert.Equal(2, result.Replicas);
        Assert.Equal(30, result.Utilization);
    }

    [Fact]
    public void ResourceUtilization_ScaleDownExcludeUnscheduledPods_IgnoresPendingPods()
    {
        var pods = new List<HpaPod> { Pod(0) };
        pods.AddRange(Enumerable.Range(1, 4).Select(i => Pod(i, ready: false, phase: PodPhases.Pending)));

        var result = Calculator().ResourceUtilization(5, 50, "cpu", pods, Levels(100));

        Assert.Equal(1, result.Replicas);
        Assert.Equal(10, result.Utilization);
    }

    [Fact]
    public void ResourceUtilization_ScaleDownIgnoreHotCpuPods_IgnoresPodsInInitializationPeriod()
    {
        var pods = PodSet(5);
        pods[3] = Pod(3, start: Hot);
        pods[4] = Pod(4, start: Hot);

        var result = Calculator().ResourceUtilization(5, 50, "cpu", pods, Levels(100, 300, 500, 250, 250));

        Assert.Equal(2, result.Replicas);
        Assert.Equal(30, result.Utilization);
    }

    [Fact]
    public void ResourceUtilization_ScaleDownIgnoresFailedAndDeletedPods()
    {
        var pods = PodSet(5);
        pods.Add(Pod(5, ready: false, phase: PodPhases.Failed));
        pods.Add(Pod(6, ready: false, deleting: true));

        var result = Calculator().ResourceUtilization(5, 50, "cpu", pods, Levels(100, 300, 500, 250, 250));

        Assert.Equal(3, result.Replicas);
        Assert.Equal(28, result.Utilization);
    }

    [Fact]
    public void ResourceUtilization_Tolerance_KeepsReplicasWithinTenPercent()
    {
        var pods = new List<HpaPod> { Pod(0, cpuRequestMilli: 900), Pod(1, cpuRequestMilli: 1000), Pod(2, cpuRequestMilli: 1100) };

        var result = Calculator().ResourceUtilization(3, 100, "cpu", pods, Levels(1010, 1030, 1020));

        Assert.Equal(3, result.Replicas);
        Assert.Equal(102, result.Utilization);
    }

    [Fact]
    public void ResourceUtilization_SuperfluousMetrics_IgnoresMetricsOfUnknownPods()
    {
        var result = Calculator().ResourceUtilization(4, 100, "cpu", PodSet(4), Levels(4000, 9500, 3000, 7000, 3200, 2000));

        Assert.Equal(24, result.Replicas);
        Assert.Equal(587, result.Utilization);
    }

    [Fact]
    public void ResourceUtilization_MissingMetrics_CountsMissingAsFullRequestOnScaleDown()
    {
        var result = Calculator().ResourceUtilization(4, 100, "cpu", PodSet(4), Levels(400, 95));

        Assert.Equal(3, result.Replicas);
        Assert.Equal(24, result.Utilization);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(1900)]
    [InlineData(600)]
    public void ResourceUtilization_MissingMetricsNoChange_KeepsReplicas(long level)
    {
        var result = Calculator().ResourceUtilization(2, 100, "cpu", PodSet(2), Levels(level));

        Assert.Equal(2, result.Replicas);
    }

    [Fact]
    public void ResourceUtilization_MissingMetricsUnreadyChange_KeepsReplicas()
    {
        var result = Calculator().ResourceUtilization(3, 50, "cpu", PodSet(false, true, true), Levels(100, 450));

        Assert.Equal(3, result.Replicas);
        Assert.Equal(45, result.Utilization);
    }

    [Fact]
    public void ResourceUtilization_MissingRequest_Fails()
    {
        var pod = new HpaPod("test-pod-0", PodPhases.Running, true, Cool, Cool, false, [new Dictionary<string, long>()]);

        var result = Calculator().ResourceUtilization(1, 100, "cpu", [pod], Levels(200));

        Assert.False(result.Succeeded);
        Assert.Contains("missing request for cpu", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ResourceUtilization_NoPods_Fails()
    {
        var result = Calculator().ResourceUtilization(1, 100, "cpu", [], Levels(200));

        Assert.Equal("no pods returned by selector while calculating replica count", result.Error);
    }

    [Fact]
    public void PlainMetric_ScaleUpCM_UsesAveragePerPod()
    {
        var result = Calculator().PlainMetric(3, 15000, "", PodSet(3), Levels(20000, 10000, 30000));

        Assert.Equal(4, result.Replicas);
        Assert.Equal(20000, result.MilliValue);
    }

    [Fact]
    public void PlainMetric_ScaleDownCM_UsesAveragePerPod()
    {
        var result = Calculator().PlainMetric(5, 20000, "", PodSet(5), Levels(12000, 12000, 12000, 12000, 12000));

        Assert.Equal(3, result.Replicas);
    }

    [Fact]
    public void PlainMetric_ToleranceCM_KeepsReplicas()
    {
        var result = Calculator().PlainMetric(3, 20000, "", PodSet(3), Levels(20000, 21000, 21000));

        Assert.Equal(3, result.Replicas);
        Assert.Equal(20666, result.MilliValue);
    }

    [Theory]
    [InlineData(1, 8600, 4400, 2)] // ScaleUpCMExternal
    [InlineData(5, 8600, 14334, 3)] // ScaleDownCMExternal
    [InlineData(3, 8600, 8888, 3)] // ToleranceCMExternal
    public void ExternalValue_ScalesByRatioOfTotalToTarget(int current, long value, long target, int expected)
    {
        var result = Calculator().ExternalValue(current, target, [value], PodSet(current));

        Assert.Equal(expected, result.Replicas);
        Assert.Equal(value, result.MilliValue);
    }

    [Fact]
    public void ExternalValue_IgnoresUnreadyPods()
    {
        var result = Calculator().ExternalValue(3, 4400, [8600], PodSet(false, true, false));

        Assert.Equal(2, result.Replicas);
    }

    [Fact]
    public void ExternalValue_AtZeroReplicas_CeilsRatioWithoutTolerance()
    {
        var result = Calculator().ExternalValue(0, 1000, [1050], []);

        Assert.Equal(2, result.Replicas);
    }

    [Theory]
    [InlineData(3, 8600, 2150, 4, 2867)] // ScaleUpPerPodCMExternal
    [InlineData(5, 8600, 2867, 3, 1720)] // ScaleDownPerPodCMExternal
    [InlineData(3, 8600, 2900, 3, 2867)] // TolerancePerPodCMExternal
    public void ExternalAverageValue_CeilsTotalOverTargetOutsideTolerance(int statusReplicas, long value, long target, int expected, long average)
    {
        var result = Calculator().ExternalAverageValue(statusReplicas, target, [value]);

        Assert.Equal(expected, result.Replicas);
        Assert.Equal(average, result.MilliValue);
    }

    [Fact]
    public void ExternalAverageValue_SumsAllSeries()
    {
        var result = Calculator().ExternalAverageValue(1, 1000, [3000, 2500]);

        Assert.Equal(6, result.Replicas);
    }

    [Theory]
    [InlineData(0.9, true)]
    [InlineData(1.1, true)]
    [InlineData(0.89, false)]
    [InlineData(1.11, false)]
    public void Tolerances_IsWithin_IncludesBounds(double ratio, bool within)
    {
        Assert.Equal(within, Tolerances.Uniform(0.1).IsWithin(ratio));
    }

    [Fact]
    public void Tolerances_PerDirection_AppliesSeparately()
    {
        var tolerances = new Tolerances(ScaleDown: 0.5, ScaleUp: 0.01);

        Assert.True(tolerances.IsWithin(0.6));
        Assert.False(tolerances.IsWithin(1.02));
    }
}
