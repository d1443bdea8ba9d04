using Kubernetes.Controller.Autoscaling;
using static Kubernetes.Controller.Tests.Autoscaling.HpaTestPods;

namespace Kubernetes.Controller.Tests.Autoscaling;

/// <summary>ContainerResource metrics: one container's usage against that container's request (upstream calculatePodRequests).</summary>
public sealed class ContainerResourceTests
{
    private static readonly HpaPod AppWithSidecar = new("test-pod-0", PodPhases.Running, true, Cool, Cool, false,
        [new Dictionary<string, long> { ["cpu"] = 100 }, new Dictionary<string, long> { ["cpu"] = 900 }], ["app", "sidecar"]);

    [Fact]
    public void NamedContainer_IsMeasuredAgainstItsOwnRequest()
    {
        var result = Calculator().ResourceUtilization(1, 50, "cpu", [AppWithSidecar], Levels(200), container: "app");

        Assert.Equal(200, result.Utilization);
        Assert.Equal(4, result.Replicas);
    }

    [Fact]
    public void WithoutContainer_TheRequestsOfAllContainersCount()
    {
        var result = Calculator().ResourceUtilization(1, 50, "cpu", [AppWithSidecar], Levels(200));

        Assert.Equal(20, result.Utilization);
        Assert.Equal(1, result.Replicas);
    }

    [Fact]
    public void NamedContainerWithoutRequest_IsAnErrorNamingIt()
    {
        var pod = AppWithSidecar with { Requests = [new Dictionary<string, long>(), new Dictionary<string, long> { ["cpu"] = 900 }] };

        var result = Calculator().ResourceUtilization(1, 50, "cpu", [pod], Levels(200), container: "app");

        Assert.Equal("missing request for cpu in container app of Pod test-pod-0", result.Error);
    }
}
