namespace Operator.Scalers.Prometheus;

/// <summary>
/// Shares one <see cref="HttpClient"/> (and connection pool) between all Prometheus scalers with the same TLS
/// configuration. Reference counted: the handler is disposed when the last scaler using it is disposed.
/// </summary>
internal sealed class PrometheusHttpPool
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The process-wide pool.</summary>
    public static PrometheusHttpPool Shared { get; } = new();

    /// <summary>Number of distinct live configurations (for tests and diagnostics).</summary>
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

    /// <summary>Gets (or creates) the client for <paramref name="tls"/>; release it through the returned lease.</summary>
    public PrometheusHttpLease Acquire(PrometheusTlsSettings tls)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(tls.PoolKey, out var entry))
            {
                var handler = tls.CreateHandler();
                entry = new Entry(handler, new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan });
                _entries.Add(tls.PoolKey, entry);
            }

            entry.References++;
            return new PrometheusHttpLease(this, tls.PoolKey, entry.Client);
        }
    }

    internal void Release(string key)
    {
        Entry? disposed = null;
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry) && --entry.References == 0)
            {
                _entries.Remove(key);
                disposed = entry;
            }
        }

        disposed?.Client.Dispose();
        disposed?.Handler.Dispose();
    }

    private sealed class Entry(SocketsHttpHandler handler, HttpClient client)
    {
        public SocketsHttpHandler Handler { get; } = handler;

        public HttpClient Client { get; } = client;

        public int References { get; set; }
    }
}

/// <summary>A scaler's share of a pooled <see cref="HttpClient"/>; disposing it releases the share once.</summary>
internal sealed class PrometheusHttpLease(PrometheusHttpPool pool, string key, HttpClient client) : IDisposable
{
    private int _released;

    public HttpClient Client { get; } = client;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            pool.Release(key);
        }
    }
}
