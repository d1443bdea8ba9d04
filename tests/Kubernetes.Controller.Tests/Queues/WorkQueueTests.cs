using System.Collections.Concurrent;
using Kubernetes.Controller.Queues;
using Microsoft.Extensions.Time.Testing;

namespace Kubernetes.Controller.Tests.Queues;

public sealed class WorkQueueTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Add_SameKeyTwiceBeforeProcessing_ProcessesOnce()
    {
        var queue = new WorkQueue(TimeProvider.System);
        var seen = new ConcurrentQueue<string>();
        queue.Add("ns/a");
        queue.Add("ns/a");
        queue.Add("ns/b");
        using var cts = new CancellationTokenSource();
        var run = queue.RunAsync((key, _) =>
        {
            seen.Enqueue(key);
            if (key == "ns/b")
            {
                cts.Cancel();
            }

            return Task.CompletedTask;
        }, cts.Token);

        await run.WaitAsync(Timeout, TestContext.Current.CancellationToken);

        Assert.Equal(["ns/a", "ns/b"], seen);
    }

    [Fact]
    public async Task Add_WhileKeyIsProcessing_ProcessesAgainAfterwards_NeverConcurrently()
    {
        var queue = new WorkQueue(TimeProvider.System);
        var running = 0;
        var maxRunning = 0;
        var calls = 0;
        var firstStarted = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var secondDone = new TaskCompletionSource();
        using var cts = new CancellationTokenSource();
        var run = queue.RunAsync(async (_, _) =>
        {
            var now = Interlocked.Increment(ref running);
            maxRunning = Math.Max(maxRunning, now);
            if (Interlocked.Increment(ref calls) == 1)
            {
                firstStarted.SetResult();
                await release.Task;
            }
            else
            {
                secondDone.TrySetResult();
            }

            Interlocked.Decrement(ref running);
        }, cts.Token, workers: 4);

        queue.Add("ns/a");
        await firstStarted.Task.WaitAsync(Timeout, TestContext.Current.CancellationToken);
        queue.Add("ns/a");
        release.SetResult();
        await secondDone.Task.WaitAsync(Timeout, TestContext.Current.CancellationToken);
        await cts.CancelAsync();
        await run;

        Assert.Equal(2, calls);
        Assert.Equal(1, maxRunning);
    }

    [Fact]
    public void AddRateLimited_DoublesDelayPerKey_UntilForgotten()
    {
        var queue = new WorkQueue(new FakeTimeProvider(), new RateLimiterOptions { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) });

        var delays = Enumerable.Range(0, 4).Select(_ => queue.AddRateLimited("ns/a").TotalMilliseconds).ToArray();
        var other = queue.AddRateLimited("ns/b");
        queue.Forget("ns/a");

        Assert.Equal([10, 20, 40, 50], delays);
        Assert.Equal(TimeSpan.FromMilliseconds(10), other);
        Assert.Equal(0, queue.NumRequeues("ns/a"));
        Assert.Equal(TimeSpan.FromMilliseconds(10), queue.AddRateLimited("ns/a"));
    }

    [Fact]
    public async Task AddRateLimited_KeyArrivesOnlyAfterItsDelay()
    {
        var time = new FakeTimeProvider();
        var queue = new WorkQueue(time, new RateLimiterOptions { BaseDelay = TimeSpan.FromSeconds(5) });
        var processed = new TaskCompletionSource<string>();
        using var cts = new CancellationTokenSource();
        var run = queue.RunAsync((key, _) =>
        {
            processed.TrySetResult(key);
            return Task.CompletedTask;
        }, cts.Token);

        queue.AddRateLimited("ns/a");
        time.Advance(TimeSpan.FromSeconds(4));
        var early = processed.Task.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(1));
        var key = await processed.Task.WaitAsync(Timeout, TestContext.Current.CancellationToken);
        await cts.CancelAsync();
        await run;

        Assert.False(early);
        Assert.Equal("ns/a", key);
    }
}
