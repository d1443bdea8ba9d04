using Operator.Tests.Controllers;

namespace Operator.Tests.Scalers.Kafka;

/// <summary>
/// A kafka trigger on the embedded control plane with the operator's host running: the first message wakes the scale
/// loop through the push watch (0→1), the control plane's HPA scales 1→N on the lag served by the operator's adapter,
/// and committed offsets bring the Deployment back to zero after the cooldown.
/// </summary>
public sealed class KafkaScaleFromZeroTests(ScalingOperatorFixture fixture) : IClassFixture<ScalingOperatorFixture>
{
    // Far below the 300 s polling interval: an activation within it can only come from the push watch.
    private static readonly TimeSpan ActivationPatience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task FirstMessage_ScalesFromZeroWithoutWaitingForPollingInterval_HpaScalesOnLag_CommitsScaleBackToZero()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 8);
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateDeploymentAsync(ns, "processor", 0);
        await fixture.ApplyAsync(ns, $$"""
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: processor}
            spec:
              scaleTargetRef: {name: processor}
              pollingInterval: 300
              cooldownPeriod: 1
              maxReplicaCount: 10
              triggers:
              - type: kafka
                metadata:
                  bootstrapServers: {{kafka.Servers}}
                  consumerGroup: processors
                  topic: orders
                  lagThreshold: "5"
                  offsetResetPolicy: earliest
            """);
        await fixture.FirstPollAsync(ns, "processor");
        var idle = await fixture.ReplicasAsync(ns, "processor");

        await kafka.ProduceAsync("orders", 0, 1);
        var woken = await fixture.EventuallyReplicasAsync(ns, "processor", r => r >= 1, "0→1 on the first message", ActivationPatience);

        for (var partition = 1; partition < 5; partition++)
        {
            await kafka.ProduceAsync("orders", partition, partition == 1 ? 4 : 5);
        }

        // Lag 20 over lagThreshold 5 (AverageValue): the HPA asks for 4.
        var scaledOut = await fixture.EventuallyReplicasAsync(ns, "processor", r => r == 4, "the HPA scaling 1→4 on lag 20");

        kafka.CommitAll("processors", "orders", 8);
        // Scale-in to zero is decided on a poll (KEDA has no push for it): shorten the interval now that activation is shown.
        await fixture.PatchScaledObjectSpecAsync(ns, "processor", """{"pollingInterval": 1}""");
        var drained = await fixture.EventuallyReplicasAsync(ns, "processor", r => r == 0, "back to 0 after the commits and the cooldown");

        Assert.Equal(0, idle);
        Assert.Equal(1, woken);
        Assert.Equal(4, scaledOut);
        Assert.Equal(0, drained);
    }
}
