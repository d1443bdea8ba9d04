using Confluent.Kafka;

namespace Operator.Scalers.Kafka;

/// <summary>A scaler's share of a pooled admin client, or why no client could be created.</summary>
internal sealed class KafkaAdminLease : IDisposable
{
    private readonly KafkaAdminPool? _pool;
    private int _released;

    internal KafkaAdminLease(KafkaAdminPool? pool, KafkaAdminPool.Entry? entry, IAdminClient? client, string? error = null)
    {
        _pool = pool;
        Entry = entry;
        Client = client;
        Error = error;
    }

    public IAdminClient? Client { get; }

    internal KafkaAdminPool.Entry? Entry { get; }

    /// <summary>Why <see cref="Client"/> is null (unsupported mechanism, bad TLS material); never a secret.</summary>
    public string? Error { get; }

    public static KafkaAdminLease Failed(string error) => new(null, null, null, error);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0 && _pool is not null && Entry is not null)
        {
            _pool.Release(Entry);
        }
    }
}
