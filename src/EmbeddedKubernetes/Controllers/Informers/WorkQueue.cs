using System.Threading.Channels;

namespace EmbeddedKubernetes.Controllers.Informers;

/// <summary>
/// A de-duplicating queue of keys with delayed re-adds (client-go's workqueue, minus rate limiting):
/// a key queued twice before it is processed is processed once.
/// </summary>
internal sealed class WorkQueue(TimeProvider time)
{
    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>();
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void Add(string key)
    {
        lock (_lock)
        {
            if (!_pending.Add(key))
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

    /// <summary>Runs <paramref name="handler"/> for each key, one at a time, until cancelled.</summary>
    public async Task RunAsync(Func<string, CancellationToken, Task> handler, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var key in _channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                lock (_lock)
                {
                    _pending.Remove(key);
                }

                await handler(key, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
