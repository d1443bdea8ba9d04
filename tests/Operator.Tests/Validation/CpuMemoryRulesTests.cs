using k8s.Models;
using Operator.Validation;
using static Operator.Tests.Validation.ValidationFixtures;

namespace Operator.Tests.Validation;

public sealed class CpuMemoryRulesTests
{
    [Theory]
    [InlineData(true, true, null)]
    [InlineData(true, false, "the scaledobject has a memory trigger but the container test doesn't have the memory request defined")]
    [InlineData(false, true, "the scaledobject has a cpu trigger but the container test doesn't have the cpu request defined")]
    public void Verify_DeploymentRequests_MatchKeda(bool cpu, bool memory, string? expected)
    {
        var context = new InMemoryObjects { Deployments = [Deployment(PodSpec(cpu, memory))] };

        Assert.Equal(expected, CpuMemoryRules.Verify(ScaledObject(cpuAndMemory: true), context));
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    public void Verify_StatefulSetRequests_MatchKeda(bool cpu, bool memory, bool valid)
    {
        var context = new InMemoryObjects { StatefulSets = [StatefulSet(PodSpec(cpu, memory))] };

        Assert.Equal(valid, CpuMemoryRules.Verify(ScaledObject(kind: "StatefulSet", cpuAndMemory: true), context) is null);
    }

    [Fact]
    public void Verify_MissingDeployment_IsRejected() =>
        Assert.Equal(
            "deployments.apps \"test-workload\" not found",
            CpuMemoryRules.Verify(ScaledObject(cpuAndMemory: true), new InMemoryObjects()));

    [Fact]
    public void Validate_MissingDeploymentOnDryRun_IsValid() =>
        Assert.True(ScaledObjectValidator.ValidateCreate(ScaledObject(cpuAndMemory: true), new InMemoryObjects(), dryRun: true).IsValid);

    [Fact]
    public void Verify_WorkloadUnknownOffline_IsSkipped() =>
        Assert.Null(CpuMemoryRules.Verify(ScaledObject(cpuAndMemory: true), new InMemoryObjects { WorkloadsComplete = false }));

    [Fact]
    public void Verify_NoRequestsButLimitRangeDefaults_IsValid()
    {
        var context = new InMemoryObjects
        {
            Deployments = [Deployment(PodSpec(false, false))],
            LimitRanges = [LimitRange("Container", "100m", "100m")],
        };

        Assert.Null(CpuMemoryRules.Verify(ScaledObject(cpuAndMemory: true), context));
    }

    [Fact]
    public void Verify_LimitRangeForPodsOnly_DoesNotCount()
    {
        var context = new InMemoryObjects
        {
            Deployments = [Deployment(PodSpec(false, false))],
            LimitRanges = [LimitRange("Pod", "100m", "100m")],
        };

        Assert.NotNull(CpuMemoryRules.Verify(ScaledObject(cpuAndMemory: true), context));
    }

    [Fact]
    public void Verify_PodLevelRequests_AreAccepted()
    {
        var podSpec = PodSpec(false, false);
        podSpec.Resources = new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("100Mi") },
        };

        Assert.Null(CpuMemoryRules.Verify(ScaledObject(cpuAndMemory: true), new InMemoryObjects { Deployments = [Deployment(podSpec)] }));
    }

    [Fact]
    public void Verify_PodLevelCpuOnly_RejectsMemoryTrigger()
    {
        var podSpec = PodSpec(false, false);
        podSpec.Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m") } };

        var error = CpuMemoryRules.Verify(ScaledObject(cpuAndMemory: true), new InMemoryObjects { Deployments = [Deployment(podSpec)] });

        Assert.Contains("the scaledobject has a memory trigger", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ContainerNameWithOnlyPodLevelRequests_IsRejected()
    {
        var podSpec = PodSpec(false, false);
        podSpec.Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m") } };
        var so = ScaledObject();
        so.Spec.MinReplicaCount = 1;
        so.Spec.Triggers = [new() { Type = "cpu", MetricType = "Utilization", Metadata = new() { ["value"] = "10", ["containerName"] = "test" } }];

        var error = CpuMemoryRules.Verify(so, new InMemoryObjects { Deployments = [Deployment(podSpec)] });

        Assert.Contains("the container test doesn't have the cpu request defined", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_CustomApiGroup_IsSkipped() =>
        Assert.Null(CpuMemoryRules.Verify(ScaledObject(apiVersion: "custom-api", kind: "StatefulSet", cpuAndMemory: true), new InMemoryObjects()));

    [Theory]
    [InlineData(0, false)]
    [InlineData(null, false)]
    [InlineData(1, true)]
    public void Verify_OnlyCpuTrigger_CannotScaleToZero(int? min, bool valid)
    {
        var so = ScaledObject();
        so.Spec.MinReplicaCount = min;
        so.Spec.Triggers = [new() { Type = "cpu", MetricType = "Utilization", Metadata = new() { ["value"] = "10" } }];
        var context = new InMemoryObjects { Deployments = [Deployment(PodSpec(true, false))] };

        var error = CpuMemoryRules.Verify(so, context);

        Assert.Equal(valid, error is null);
        if (!valid)
        {
            Assert.Equal("scaledobject has only cpu/memory triggers AND minReplica is 0 (scale to zero doesn't work in this case)", error);
        }
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("memory")]
    public void Verify_OnlyLimitsSet_IsAccepted(string resource)
    {
        var podSpec = PodSpec(false, false);
        podSpec.Containers[0].Resources.Limits = new Dictionary<string, ResourceQuantity> { [resource] = new("100m") };
        var so = ScaledObject();
        so.Spec.MinReplicaCount = 1;
        so.Spec.Triggers = [new() { Type = resource, Metadata = new() { ["value"] = "10" } }];

        Assert.Null(CpuMemoryRules.Verify(so, new InMemoryObjects { Deployments = [Deployment(podSpec)] }));
    }
}
