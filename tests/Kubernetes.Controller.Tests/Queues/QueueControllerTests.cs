using System.Collections.Concurrent;
using Kubernetes.Controller.Queues;
using Kubernetes.Controller.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kubernetes.Controller.Tests.Queues;

/// <summary>
/// A reconcile that handles its failure itself (writes a condition) and asks for a retry comes back with the key's
/// growing backoff, as a controller-runtime reconciler that returns its error; a clean reconcile forgets the failures.
/// </summary>
public sealed class QueueControllerTests
{
    [Fact]
    public async Task RetryWithBackoff_ReconcilesTheKeyAgainWithGrowingRequeues_UntilItSucceeds_ThenForgetsItsFailures()
    {
        var controller = new FailingTimes("ns/a", failures: 3);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = controller.RunAsync(cts.Token);

        controller.Enqueue("ns/a");
        await Eventually.TrueAsync(() => controller.Reconciles.Count == 4, "three failed reconciles and one clean one");

        Assert.Equal([0, 1, 2, 3], controller.Reconciles);
        await Eventually.TrueAsync(() => controller.Requeues("ns/a") == 0, "the key's failures forgotten after the clean reconcile");
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task CleanReconcile_IsNotRetried()
    {
        var controller = new FailingTimes("ns/a", failures: 0);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = controller.RunAsync(cts.Token);

        controller.Enqueue("ns/a");
        controller.Enqueue("ns/b");
        await Eventually.TrueAsync(() => controller.Others == 1, "the second key reconciled after the first");

        Assert.Equal([0], controller.Reconciles);
        await cts.CancelAsync();
        await run;
    }

    private sealed class FailingTimes(string failingKey, int failures)
        : QueueController("test", NullLogger.Instance, TimeProvider.System, new RateLimiterOptions { BaseDelay = TimeSpan.FromMilliseconds(1) })
    {
        private int _others;

        /// <summary>The number of requeues the key had when each of its reconciles ran.</summary>
        public ConcurrentQueue<int> Reconciles { get; } = new();

        public int Others => Volatile.Read(ref _others);

        public int Requeues(string key) => Queue.NumRequeues(key);

        protected override Task ReconcileAsync(string key, CancellationToken cancellationToken)
        {
            if (key != failingKey)
            {
                Interlocked.Increment(ref _others);
                return Task.CompletedTask;
            }

            Reconciles.Enqueue(Queue.NumRequeues(key));
            if (Reconciles.Count <= failures)
            {
                RetryWithBackoff(key);
            }

            return Task.CompletedTask;
        }
    }
}
