using Operator.Scalers;
using Operator.Scalers.Kafka;

namespace Operator.Tests.Scalers.Kafka;

public sealed class KafkaPushActivationTests
{
    [Fact]
    public async Task Watch_SignalsWhenAMessageIsProduced()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 4);
        await using var scaler = kafka.Build("consumerGroup=workers|topic=orders");
        var signalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = ((IPushScaler)scaler).WatchForActivity(() => signalled.TrySetResult());
        await using (watch)
        {
            // Let the watch take its first reading, so the message below is a change it sees.
            await Task.Delay(500, TestContext.Current.CancellationToken);
            Assert.False(signalled.Task.IsCompleted);

            await kafka.ProduceAsync("orders", 2, 1);

            await signalled.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Watches_OnTheSameSource_ShareOneLoop_StoppedWithTheLast()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 1);
        await using var first = kafka.Build("consumerGroup=workers|topic=orders");
        await using var second = kafka.Build("consumerGroup=workers|topic=orders");

        var a = ((IPushScaler)first).WatchForActivity(() => { });
        var b = ((IPushScaler)second).WatchForActivity(() => { });
        Assert.Equal(1, KafkaEndOffsetWatch.CountFor(kafka.Servers));

        await a.DisposeAsync();
        Assert.Equal(1, KafkaEndOffsetWatch.CountFor(kafka.Servers));
        await b.DisposeAsync();
        Assert.Equal(0, KafkaEndOffsetWatch.CountFor(kafka.Servers));
    }
}
