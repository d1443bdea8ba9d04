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
        var primed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var produced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var signals = 0;
        var watch = ((IPushScaler)scaler).WatchForActivity(() => (Interlocked.Increment(ref signals) == 1 ? primed : produced).TrySetResult());
        await using (watch)
        {
            await primed.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            // Several readings without a change: no further signal.
            await Task.Delay(500, TestContext.Current.CancellationToken);
            Assert.Equal(1, Volatile.Read(ref signals));

            await kafka.ProduceAsync("orders", 2, 1);

            await produced.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Watch_SignalsANewSubscriberOnItsFirstReading_SoAMessageBeforeTheBaselineIsNotMissed()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 2);
        await using var first = kafka.Build("consumerGroup=workers|topic=orders");
        await using var second = kafka.Build("consumerGroup=workers|topic=orders");
        var firstPrimed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondSignalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstSignals = 0;
        await using var a = ((IPushScaler)first).WatchForActivity(() =>
        {
            Interlocked.Increment(ref firstSignals);
            firstPrimed.TrySetResult();
        });
        await firstPrimed.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // The shared loop already has its baseline; the second scaler's loop polled before it subscribed.
        await using var b = ((IPushScaler)second).WatchForActivity(() => secondSignalled.TrySetResult());

        await secondSignalled.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(1, Volatile.Read(ref firstSignals));
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
