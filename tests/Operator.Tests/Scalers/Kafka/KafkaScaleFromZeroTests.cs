using Operator.Tests.Controllers;

namespace Operator.Tests.Scalers.Kafka;

/// <summary>
/// <see cref="ScaleFromZeroFlow"/> with a kafka trigger: the first message wakes the scale loop through the push watch
/// (0→1), the control plane's HPA scales 1→N on the lag served by the operator's adapter, and committed offsets bring
/// the Deployment back to zero after the cooldown.
/// </summary>
public sealed class KafkaScaleFromZeroTests(ScalingOperatorFixture fixture) : IClassFixture<ScalingOperatorFixture>
{
    [Fact]
    public async Task FirstMessage_ScalesFromZeroWithoutWaitingForPollingInterval_HpaScalesOnLag_CommitsScaleBackToZero()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 8);

        await ScaleFromZeroFlow.RunAsync(fixture, new ScaleFromZeroTransport(
            Trigger: kafka.Trigger("orders", "processors"),
            Objects: "",
            SendFirstAsync: () => kafka.ProduceAsync("orders", 0, 1),
            SendNineteenMoreAsync: async () =>
            {
                for (var partition = 1; partition < 5; partition++)
                {
                    await kafka.ProduceAsync("orders", partition, partition == 1 ? 4 : 5);
                }
            },
            Load: "lag 20",
            DrainAsync: () =>
            {
                kafka.CommitAll("processors", "orders", 8);
                return Task.CompletedTask;
            },
            Drain: "the commits"));
    }
}
