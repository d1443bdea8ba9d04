namespace Operator.Scalers;

/// <summary>A scaler's share of a pooled client (<see cref="ClientPool{TClient}"/>), or why no client could be made.</summary>
internal sealed class ClientLease<TClient> : IDisposable
    where TClient : class
{
    private readonly ClientPool<TClient>? _pool;
    private int _released;

    internal ClientLease(ClientPool<TClient>? pool, ClientPool<TClient>.Entry? entry, string? error)
    {
        _pool = pool;
        Entry = entry;
        Error = error;
    }

    public TClient? Client => Entry?.Client;

    /// <summary>The pool key (may hold the connection's secret; never log it); empty without a client.</summary>
    public string Key => Entry?.Key ?? "";

    /// <summary>Why <see cref="Client"/> is null (unsupported mechanism, bad TLS material, malformed connection string); never a secret.</summary>
    public string? Error { get; }

    internal ClientPool<TClient>.Entry? Entry { get; }

    public static ClientLease<TClient> Failed(string error) => new(null, null, error);

    /// <summary>Releases the share once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0 && _pool is not null && Entry is not null)
        {
            _pool.Release(Entry);
        }
    }
}
