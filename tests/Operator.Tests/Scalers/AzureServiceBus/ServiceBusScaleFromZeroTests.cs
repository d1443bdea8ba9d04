using Operator.Tests.Controllers;

namespace Operator.Tests.Scalers.AzureServiceBus;

/// <summary>
/// An azure-servicebus trigger on the embedded control plane with the operator's host running, authenticated as in
/// the sample (a TriggerAuthentication on a Secret holding the emulator-style management connection string): the
/// first message wakes the scale loop (0→1), the control plane's HPA scales 1→N on the queue length served by the
/// operator's adapter, and a drained queue brings the Deployment back to zero after the cooldown.
/// </summary>
public sealed class ServiceBusScaleFromZeroTests(ScalingOperatorFixture fixture, LocalServiceBusFixture bus)
    : IClassFixture<ScalingOperatorFixture>, IClassFixture<LocalServiceBusFixture>
{
    // Far below the 300 s polling interval: an activation within it can only come from the push watch.
    private static readonly TimeSpan ActivationPatience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task FirstMessage_ScalesFromZeroWithoutWaitingForPollingInterval_HpaScalesOnQueueLength_DrainScalesBackToZero()
    {
        var ct = TestContext.Current.CancellationToken;
        var queue = bus.NewQueue("scale-orders");
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateDeploymentAsync(ns, "processor", 0);
        await fixture.ApplyAsync(ns, $$"""
            apiVersion: v1
            kind: Secret
            metadata: {name: servicebus-management}
            stringData:
              connection: "{{bus.Server.AdministrationConnectionString}}"
            ---
            apiVersion: keda.sh/v1alpha1
            kind: TriggerAuthentication
            metadata: {name: servicebus-orders}
            spec:
              secretTargetRef:
              - {parameter: connection, name: servicebus-management, key: connection}
            ---
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: processor}
            spec:
              scaleTargetRef: {name: processor}
              pollingInterval: 300
              cooldownPeriod: 1
              maxReplicaCount: 10
              triggers:
              - type: azure-servicebus
                metadata: {queueName: {{queue}}, messageCount: "5"}
                authenticationRef: {name: servicebus-orders}
            """);
        await fixture.FirstPollAsync(ns, "processor");
        var idle = await fixture.ReplicasAsync(ns, "processor");

        await bus.SendAsync(queue, 1);
        var woken = await fixture.EventuallyReplicasAsync(ns, "processor", r => r >= 1, "0→1 on the first message", ActivationPatience);

        await bus.SendAsync(queue, 19);
        // 20 active messages over messageCount 5 (AverageValue): the HPA asks for 4.
        var scaledOut = await fixture.EventuallyReplicasAsync(ns, "processor", r => r == 4, "the HPA scaling 1→4 on 20 messages");

        await using var receiver = bus.Client.CreateReceiver(queue);
        for (var completed = 0; completed < 20;)
        {
            foreach (var message in await receiver.ReceiveMessagesAsync(20, TimeSpan.FromSeconds(5), ct))
            {
                await receiver.CompleteMessageAsync(message, ct);
                completed++;
            }
        }

        // Scale-in to zero is decided on a poll (KEDA has no push for it): shorten the interval now that activation is shown.
        await fixture.PatchScaledObjectSpecAsync(ns, "processor", """{"pollingInterval": 1}""");
        var drained = await fixture.EventuallyReplicasAsync(ns, "processor", r => r == 0, "back to 0 after the drain and the cooldown");

        Assert.Equal(0, idle);
        Assert.Equal(1, woken);
        Assert.Equal(4, scaledOut);
        Assert.Equal(0, drained);
    }
}
