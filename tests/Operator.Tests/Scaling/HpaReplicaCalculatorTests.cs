using Operator.Scaling;

namespace Operator.Tests.Scaling;

// Cases from kubernetes pkg/controller/podautoscaler/replica_calculator_test.go (external metrics) and the HPA docs.
public class HpaReplicaCalculatorTests
{
    [Theory]
    [InlineData(8600, 4400, 1, 1, 2)]    // TestReplicaCalcScaleUpCMExternal
    [InlineData(8600, 14334, 5, 5, 3)]   // TestReplicaCalcScaleDownCMExternal
    [InlineData(8900, 8888, 3, 3, 3)]    // TestReplicaCalcToleranceCMExternal
    [InlineData(200, 100, 4, 4, 8)]      // docs: 200m vs 100m doubles
    [InlineData(50, 100, 4, 4, 2)]       // docs: 50m vs 100m halves
    [InlineData(30000, 10000, 2, 1, 3)]  // ready pods, not replicas, multiply the ratio
    public void ExternalValue_MatchesUpstream(long usage, long target, int current, int ready, int expected) =>
        Assert.Equal(expected, HpaReplicaCalculator.ExternalValue(usage, target, current, ready));

    [Fact]
    public void ExternalValue_AtZeroReplicas_IgnoresTolerance() =>
        Assert.Equal(2, HpaReplicaCalculator.ExternalValue(1050, 1000, currentReplicas: 0, readyPods: 0));

    [Theory]
    [InlineData(8600, 2150, 3, 4)]   // TestReplicaCalcScaleUpPerPodCMExternal
    [InlineData(8600, 2867, 5, 3)]   // TestReplicaCalcScaleDownPerPodCMExternal
    [InlineData(8600, 2900, 3, 3)]   // TestReplicaCalcTolerancePerPodCMExternal
    [InlineData(100000, 10000, 1, 10)] // KEDA fallback example: 10 replicas * target 10
    public void ExternalAverageValue_MatchesUpstream(long usage, long target, int statusReplicas, int expected) =>
        Assert.Equal(expected, HpaReplicaCalculator.ExternalAverageValue(usage, target, statusReplicas));

    [Fact]
    public void ExternalAverageValue_ZeroUsage_ScalesToZeroProposal() =>
        Assert.Equal(0, HpaReplicaCalculator.ExternalAverageValue(0, 1000, 3));

    [Theory]
    [InlineData(new[] { 3, 7 }, 5, 1, 10, 7)]
    [InlineData(new[] { 30 }, 5, 1, 10, 10)]
    [InlineData(new[] { 0 }, 5, 2, 10, 2)]
    [InlineData(new[] { 3 }, 12, 1, 10, 10)]
    [InlineData(new[] { 9 }, 0, 1, 10, 1)]
    public void Desired_TakesMaxProposal_AndClamps(int[] proposals, int current, int min, int max, int expected) =>
        Assert.Equal(expected, HpaReplicaCalculator.Desired(proposals, current, min, max));

    [Theory]
    [InlineData(0.9, true)]
    [InlineData(1.1, true)]
    [InlineData(0.89, false)]
    [InlineData(1.11, false)]
    public void IsWithin_TenPercentByDefault(double ratio, bool expected) =>
        Assert.Equal(expected, HpaReplicaCalculator.IsWithin(ratio, ScalingDefaults.HpaTolerance));
}
