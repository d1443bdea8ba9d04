using System.Threading.Channels;

namespace Operator.ScaleLoop;

/// <summary>
/// One scheduler for every scale loop (no thread or timer per ScaledObject): a priority queue of due times on the
/// injected clock, one timer armed for the earliest, and a few workers. A key runs on one worker at a time; the
/// handler returns the delay until its next run (null ends the loop); <see cref="PollNow"/> during a run re-runs it
/// right after.
/// </summary>
internal sealed class LoopScheduler : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly Func<string, CancellationToken, Task<TimeSpan?>> _handler;
    private readonly PriorityQueue<(string Key, long Version), DateTimeOffset> _due = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Channel<string> _ready = Channel.CreateUnbounded<string>();
    private readonly Lock _lock = new();
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _workers;
    private long _version;
    private int _disposed;

    public LoopScheduler(TimeProvider time, int workers, Func<string, CancellationToken, Task<TimeSpan?>> handler)
    {
        _time = time;
        _handler = handler;
        _timer = time.CreateTimer(_ => Release(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _workers = [.. Enumerable.Range(0, Math.Max(1, workers)).Select(_ => Task.Run(WorkAsync))];
    }

    /// <summary>Loops currently scheduled or running.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public bool Contains(string key)
    {
        lock (_lock)
        {
            return _entries.ContainsKey(key);
        }
    }

    /// <summary>Starts (or restarts) the loop of <paramref name="key"/>: its first run is at once.</summary>
    public void Start(string key) => PollNow(key);

    /// <summary>Runs <paramref name="key"/> as soon as possible (a push scaler's signal, a new generation).</summary>
    public void PollNow(string key)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Running)
            {
                entry.Again = true;
                return;
            }

            ScheduleLocked(key, TimeSpan.Zero);
        }

        Release();
    }

    /// <summary>Ends the loop of <paramref name="key"/> (a run in progress finishes, and is not rescheduled).</summary>
    public void Stop(string key)
    {
        lock (_lock)
        {
            _entries.Remove(key);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _ready.Writer.TryComplete();
        await _timer.DisposeAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_workers).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _stopping.Dispose();
    }

    private void ScheduleLocked(string key, TimeSpan delay)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            entry = new Entry();
            _entries[key] = entry;
        }

        entry.Version = ++_version;
        entry.Running = false;
        entry.Again = false;
        _due.Enqueue((key, entry.Version), _time.GetUtcNow() + delay);
    }

    // Moves every due key to the workers and re-arms the timer for the next one.
    private void Release()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            while (_due.TryPeek(out var item, out var due))
            {
                if (!_entries.TryGetValue(item.Key, out var entry) || entry.Version != item.Version || entry.Running)
                {
                    _due.Dequeue();
                    continue;
                }

                if (due > now)
                {
                    _timer.Change(due - now, Timeout.InfiniteTimeSpan);
                    return;
                }

                _due.Dequeue();
                entry.Running = true;
                _ready.Writer.TryWrite(item.Key);
            }

            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task WorkAsync()
    {
        var token = _stopping.Token;
        try
        {
            await foreach (var key in _ready.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                TimeSpan? next;
                try
                {
                    next = await _handler(key, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    return;
                }

                lock (_lock)
                {
                    if (!_entries.TryGetValue(key, out var entry))
                    {
                        continue;
                    }

                    if (next is null && !entry.Again)
                    {
                        _entries.Remove(key);
                        continue;
                    }

                    ScheduleLocked(key, entry.Again ? TimeSpan.Zero : next!.Value);
                }

                Release();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private sealed class Entry
    {
        public long Version { get; set; }

        public bool Running { get; set; }

        public bool Again { get; set; }
    }
}
