using Operator.Tests.Controllers;
using Operator.Tests.Support;

namespace Operator.Tests.Scalers.Kafka;

/// <summary>
/// The kafka trigger's failure path on a cluster: the broker stops → the scaler's polls fail → after
/// <c>fallback.failureThreshold</c> failures the operator reports Fallback and the HPA holds <c>fallback.replicas</c>;
/// the broker returns → Fallback clears.
/// </summary>
public sealed class KafkaFallbackTests(ScalingOperatorFixture fixture) : IClassFixture<ScalingOperatorFixture>
{
    [Fact]
    public async Task StoppedBroker_FailsThePolls_AndTheFallbackReplicasHold_UntilItReturns()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 4);
        await kafka.ProduceAsync("orders", 0, 2);
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateDeploymentAsync(ns, "processor", 1);
        await fixture.ApplyAsync(ns, ControlPlaneFixture.ScaledObject("processor", kafka.Trigger("orders", "processors"), """
            pollingInterval: 1
            maxReplicaCount: 10
            fallback: {failureThreshold: 2, replicas: 3}
            """));
        await ControlPlaneFixture.EventuallyAsync(
            () => fixture.ScaledObjectAsync(ns, "processor"), so => ScalingOperatorFixture.Condition(so, "Active") == "True", "the trigger active on lag 2");

        kafka.Cluster.StopBroker(1);
        var failing = await ControlPlaneFixture.EventuallyAsync(
            () => fixture.ScaledObjectAsync(ns, "processor"), so => ScalingOperatorFixture.Condition(so, "Fallback") == "True", "Fallback=True after the failures");
        var held = await fixture.EventuallyReplicasAsync(ns, "processor", r => r == 3, "the HPA holding the 3 fallback replicas");

        kafka.Cluster.StartBroker(1);
        var recovered = await ControlPlaneFixture.EventuallyAsync(
            () => fixture.ScaledObjectAsync(ns, "processor"), so => ScalingOperatorFixture.Condition(so, "Fallback") == "False", "Fallback=False once the broker is back");

        Assert.Equal("True", ScalingOperatorFixture.Condition(failing, "Fallback"));
        Assert.Equal(3, held);
        Assert.Equal("False", ScalingOperatorFixture.Condition(recovered, "Fallback"));
    }
}
