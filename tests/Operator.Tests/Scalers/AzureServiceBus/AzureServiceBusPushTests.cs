using Operator.Scalers.AzureServiceBus;

namespace Operator.Tests.Scalers.AzureServiceBus;

/// <summary>Push activation: the scaler watches its entity through the trigger's own (management) connection.</summary>
public sealed class AzureServiceBusPushTests(LocalServiceBusFixture bus) : IClassFixture<LocalServiceBusFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WatchForActivity_Signals_WhenTheFirstMessageArrives()
    {
        var watch = new ServiceBusActivityWatch(TimeProvider.System, TimeSpan.FromMilliseconds(100));
        var queue = bus.NewQueue("push-orders");
        await using var scaler = AzureServiceBusRuntimeTests.Build(bus, $"queueName={queue}|connectionFromEnv=SB_ADMIN", watch: watch);
        var signalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var signals = 0;

        await using (scaler.WatchForActivity(() =>
        {
            Interlocked.Increment(ref signals);
            signalled.TrySetResult();
        }))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
            Assert.Equal(0, Volatile.Read(ref signals));
            await bus.SendAsync(queue, 1);
            await signalled.Task.WaitAsync(Patience, Ct);
            await bus.SendAsync(queue, 1);
            await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        }

        Assert.Equal(1, Volatile.Read(ref signals));
        Assert.Equal(0, watch.ActiveLoops);
    }

    [Fact]
    public async Task WatchForActivity_IsSharedPerEntity_AndRespectsEachActivationThreshold()
    {
        var watch = new ServiceBusActivityWatch(TimeProvider.System, TimeSpan.FromMilliseconds(100));
        var queue = bus.NewQueue("push-shared");
        await using var eager = AzureServiceBusRuntimeTests.Build(bus, $"queueName={queue}|connectionFromEnv=SB_ADMIN", watch: watch);
        await using var patient = AzureServiceBusRuntimeTests.Build(bus, $"queueName={queue}|connectionFromEnv=SB_ADMIN|activationMessageCount=5", watch: watch);
        var eagerSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var patientSignals = 0;

        await using var first = eager.WatchForActivity(() => eagerSignal.TrySetResult());
        await using var second = patient.WatchForActivity(() => Interlocked.Increment(ref patientSignals));
        Assert.Equal(1, watch.ActiveLoops);
        await bus.SendAsync(queue, 2);
        await eagerSignal.Task.WaitAsync(Patience, Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(300), Ct);

        Assert.Equal(0, Volatile.Read(ref patientSignals));
    }

    [Fact]
    public async Task WatchForActivity_OnAnUnknownQueue_DoesNotSignal_AndDoesNotThrow()
    {
        var watch = new ServiceBusActivityWatch(TimeProvider.System, TimeSpan.FromMilliseconds(100));
        await using var scaler = AzureServiceBusRuntimeTests.Build(bus, "queueName=push-missing|connectionFromEnv=SB_ADMIN", watch: watch);
        var signals = 0;

        await using (scaler.WatchForActivity(() => Interlocked.Increment(ref signals)))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        }

        Assert.Equal(0, signals);
    }
}
