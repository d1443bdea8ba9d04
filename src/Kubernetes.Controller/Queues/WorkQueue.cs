using System.Threading.Channels;

namespace Kubernetes.Controller.Queues;

/// <summary>
/// client-go's rate-limited workqueue: a key queued several times before it is processed is processed once; a key
/// added while it is being processed is processed again afterwards (never by two workers at once); failed keys come
/// back after a per-key exponential delay (<see cref="AddRateLimited"/>) until <see cref="Forget"/>.
/// </summary>
public sealed class WorkQueue(TimeProvider time, RateLimiterOptions? rateLimit = null)
{
    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>();
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);
    private readonly HashSet<string> _processing = new(StringComparer.Ordinal);
    private readonly ItemExponentialRateLimiter _limiter = new(rateLimit ?? new RateLimiterOptions());
    private readonly Lock _lock = new();

    /// <summary>Keys waiting to be processed (not counting delayed ones).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _dirty.Count - _dirty.Count(_processing.Contains);
            }
        }
    }

    public void Add(string key)
    {
        lock (_lock)
        {
            if (!_dirty.Add(key) || _processing.Contains(key))
            {
                return;
            }
        }

        _channel.Writer.TryWrite(key);
    }

    public void AddAfter(string key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        ITimer? timer = null;
        timer = time.CreateTimer(_ =>
        {
            Add(key);
            timer?.Dispose();
        }, null, delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Re-adds <paramref name="key"/> after its next backoff delay (base × 2^failures, capped).</summary>
    public TimeSpan AddRateLimited(string key)
    {
        var delay = _limiter.When(key);
        AddAfter(key, delay);
        return delay;
    }

    /// <summary>Clears the failure count of <paramref name="key"/> (call after a successful sync).</summary>
    public void Forget(string key) => _limiter.Forget(key);

    public int NumRequeues(string key) => _limiter.NumRequeues(key);

    /// <summary>Runs <paramref name="handler"/> for each key on <paramref name="workers"/> workers until cancelled.</summary>
    public Task RunAsync(Func<string, CancellationToken, Task> handler, CancellationToken cancellationToken, int workers = 1) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, workers)).Select(_ => WorkAsync(handler, cancellationToken)));

    private async Task WorkAsync(Func<string, CancellationToken, Task> handler, CancellationToken cancellationToken)
    {
        try
        {
            while (await _channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!_channel.Reader.TryRead(out var key))
                {
                    continue;
                }

                lock (_lock)
                {
                    _dirty.Remove(key);
                    _processing.Add(key);
                }

                try
                {
                    await handler(key, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    Done(key);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void Done(string key)
    {
        bool requeue;
        lock (_lock)
        {
            _processing.Remove(key);
            requeue = _dirty.Contains(key);
        }

        if (requeue)
        {
            _channel.Writer.TryWrite(key);
        }
    }
}
