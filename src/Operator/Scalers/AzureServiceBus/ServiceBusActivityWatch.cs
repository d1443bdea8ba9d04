namespace Operator.Scalers.AzureServiceBus;

/// <summary>
/// Push activation for Service Bus (beyond KEDA): while any scaler watches an entity, one loop per distinct
/// connection and entity reads its runtime count at a short interval and signals each watcher when the count rises
/// above that watcher's activation threshold. Read failures just do not signal.
/// </summary>
internal sealed class ServiceBusActivityWatch(TimeProvider timeProvider, TimeSpan interval)
{
    private readonly Dictionary<string, Loop> _loops = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public static ServiceBusActivityWatch Shared { get; } = new(TimeProvider.System, AzureServiceBusDefaults.ActivityPollInterval);

    public int ActiveLoops
    {
        get
        {
            lock (_lock)
            {
                return _loops.Count;
            }
        }
    }

    /// <summary>Watches <paramref name="key"/> (connection + entity; holds a secret, never logged).</summary>
    public IAsyncDisposable Watch(string key, Func<CancellationToken, Task<long?>> count, long activationThreshold, Action signal)
    {
        var watcher = new Watcher(activationThreshold, signal);
        lock (_lock)
        {
            if (!_loops.TryGetValue(key, out var loop))
            {
                loop = new Loop(count);
                _loops.Add(key, loop);
                loop.Run = Task.Run(() => RunAsync(loop));
            }

            loop.Add(watcher);
        }

        return new Handle(() => Unwatch(key, watcher));
    }

    private async ValueTask Unwatch(string key, Watcher watcher)
    {
        Loop? stopped = null;
        lock (_lock)
        {
            if (_loops.TryGetValue(key, out var loop) && loop.Remove(watcher))
            {
                _loops.Remove(key);
                stopped = loop;
            }
        }

        if (stopped is not null)
        {
            await stopped.Stop.CancelAsync().ConfigureAwait(false);
            await stopped.Run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            stopped.Stop.Dispose();
        }
    }

    private async Task RunAsync(Loop loop)
    {
        var token = loop.Stop.Token;
        while (!token.IsCancellationRequested)
        {
            long? count = null;
            try
            {
                count = await loop.Count(token).ConfigureAwait(false);
            }
            catch (Exception) when (!token.IsCancellationRequested)
            {
                // A watch that cannot reach its source does not signal (IPushScaler contract); the poll reports errors.
            }

            if (count is { } c)
            {
                foreach (var watcher in loop.Snapshot())
                {
                    watcher.Observe(c);
                }
            }

            try
            {
                await Task.Delay(interval, timeProvider, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private sealed class Loop(Func<CancellationToken, Task<long?>> count)
    {
        private readonly List<Watcher> _watchers = [];

        public Func<CancellationToken, Task<long?>> Count { get; } = count;

        public CancellationTokenSource Stop { get; } = new();

        public Task Run { get; set; } = Task.CompletedTask;

        public void Add(Watcher watcher)
        {
            lock (_watchers)
            {
                _watchers.Add(watcher);
            }
        }

        /// <summary>Removes a watcher; true when it was the last.</summary>
        public bool Remove(Watcher watcher)
        {
            lock (_watchers)
            {
                _watchers.Remove(watcher);
                return _watchers.Count == 0;
            }
        }

        public Watcher[] Snapshot()
        {
            lock (_watchers)
            {
                return [.. _watchers];
            }
        }
    }

    private sealed class Watcher(long threshold, Action signal)
    {
        private bool _wasActive;

        /// <summary>Signals on the rise above the threshold, not on every read while it stays above.</summary>
        public void Observe(long count)
        {
            var active = count > threshold;
            if (active && !_wasActive)
            {
                signal();
            }

            _wasActive = active;
        }
    }

    private sealed class Handle(Func<ValueTask> dispose) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync() => Interlocked.Exchange(ref _disposed, 1) == 0 ? dispose() : ValueTask.CompletedTask;
    }
}
