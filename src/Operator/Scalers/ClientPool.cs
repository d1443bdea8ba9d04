namespace Operator.Scalers;

/// <summary>
/// Clients shared by every scaler and push watch of one connection: made on the first lease, reused across polls,
/// disposed (when disposable) with the last lease. Keys may hold the connection's secrets: they are never logged.
/// </summary>
internal sealed class ClientPool<TClient>
    where TClient : class
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Live clients (for tests and diagnostics).</summary>
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

    /// <summary>Live clients whose connection is labelled <paramref name="label"/> (for tests and diagnostics).</summary>
    public int ClientsLabelled(string label)
    {
        lock (_lock)
        {
            return _entries.Values.Count(e => e.Label == label);
        }
    }

    /// <summary>Leases held on clients whose connection is labelled <paramref name="label"/> (for tests and diagnostics).</summary>
    public int ReferencesLabelled(string label)
    {
        lock (_lock)
        {
            return _entries.Values.Where(e => e.Label == label).Sum(e => e.References);
        }
    }

    /// <summary>
    /// Gets the client of <paramref name="key"/>, or makes it with <paramref name="create"/> (a client, or why none can be
    /// made, never a secret); dispose the lease to release it. <paramref name="label"/> names the connection without its
    /// secrets, for diagnostics.
    /// </summary>
    public ClientLease<TClient> Acquire(string key, Func<(TClient? Client, string? Error)> create, string label = "")
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                var (client, error) = create();
                if (client is null)
                {
                    return ClientLease<TClient>.Failed(error ?? "no client");
                }

                entry = new Entry(key, label, client);
                _entries.Add(key, entry);
            }

            entry.References++;
            return new ClientLease<TClient>(this, entry, null);
        }
    }

    /// <summary>
    /// Stops handing out <paramref name="lease"/>'s client (it timed out, e.g. after a broker restart left it waiting
    /// on a dead connection): the next acquire makes a fresh client; the old one is disposed with its last lease.
    /// </summary>
    public void Retire(ClientLease<TClient> lease)
    {
        lock (_lock)
        {
            if (lease.Entry is { } entry && _entries.TryGetValue(entry.Key, out var current) && ReferenceEquals(current, entry))
            {
                _entries.Remove(entry.Key);
            }
        }
    }

    internal void Release(Entry entry)
    {
        lock (_lock)
        {
            if (--entry.References > 0)
            {
                return;
            }

            if (_entries.TryGetValue(entry.Key, out var current) && ReferenceEquals(current, entry))
            {
                _entries.Remove(entry.Key);
            }
        }

        (entry.Client as IDisposable)?.Dispose();
    }

    internal sealed class Entry(string key, string label, TClient client)
    {
        public string Key { get; } = key;

        public string Label { get; } = label;

        public TClient Client { get; } = client;

        public int References { get; set; }
    }
}
