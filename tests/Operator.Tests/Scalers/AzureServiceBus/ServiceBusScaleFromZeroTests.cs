using Operator.Tests.Controllers;

namespace Operator.Tests.Scalers.AzureServiceBus;

/// <summary>
/// <see cref="ScaleFromZeroFlow"/> with an azure-servicebus trigger authenticated as in the sample (a
/// TriggerAuthentication on a Secret holding the emulator-style management connection string): the first message wakes
/// the scale loop (0→1), the control plane's HPA scales 1→N on the queue length served by the operator's adapter, and a
/// drained queue brings the Deployment back to zero after the cooldown.
/// </summary>
public sealed class ServiceBusScaleFromZeroTests(ScalingOperatorFixture fixture, LocalServiceBusFixture bus)
    : IClassFixture<ScalingOperatorFixture>, IClassFixture<LocalServiceBusFixture>
{
    [Fact]
    public async Task FirstMessage_ScalesFromZeroWithoutWaitingForPollingInterval_HpaScalesOnQueueLength_DrainScalesBackToZero()
    {
        var queue = bus.NewQueue("scale-orders");

        await ScaleFromZeroFlow.RunAsync(fixture, new ScaleFromZeroTransport(
            Trigger: $$"""
                type: azure-servicebus
                metadata: {queueName: {{queue}}, messageCount: "5"}
                authenticationRef: {name: servicebus-orders}
                """,
            Objects: bus.TriggerAuthentication("servicebus-orders"),
            SendFirstAsync: () => bus.SendAsync(queue, 1),
            SendNineteenMoreAsync: () => bus.SendAsync(queue, 19),
            Load: "20 messages",
            DrainAsync: () => bus.CompleteAsync(queue, 20),
            Drain: "the drain"));
    }
}
