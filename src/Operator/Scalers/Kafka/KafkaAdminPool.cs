using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Operator.Scalers.Kafka;

/// <summary>
/// One Confluent.Kafka admin client per distinct connection (servers, SASL, TLS), shared by every scaler and push
/// watch that uses it, reused across polls, and disposed when the last lease is released.
/// </summary>
internal sealed class KafkaAdminPool
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The process-wide pool.</summary>
    public static KafkaAdminPool Shared { get; } = new();

    /// <summary>Leases held on clients of <paramref name="bootstrapServers"/> (for tests and diagnostics).</summary>
    public int ReferencesTo(string bootstrapServers)
    {
        lock (_lock)
        {
            return _entries.Values.Where(e => e.BootstrapServers == bootstrapServers).Sum(e => e.References);
        }
    }

    /// <summary>Live clients of <paramref name="bootstrapServers"/> (for tests and diagnostics).</summary>
    public int ClientsFor(string bootstrapServers)
    {
        lock (_lock)
        {
            return _entries.Values.Count(e => e.BootstrapServers == bootstrapServers);
        }
    }

    /// <summary>Gets (or creates) the client for <paramref name="connection"/>; dispose the lease to release it.</summary>
    public KafkaAdminLease Acquire(KafkaConnection connection, ILoggerFactory loggerFactory)
    {
        var key = connection.PoolKey;
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                var (config, error) = connection.ToAdminConfig();
                if (error is not null)
                {
                    return KafkaAdminLease.Failed(error);
                }

                var logger = loggerFactory.CreateLogger<KafkaAdminPool>();
                IAdminClient client;
                try
                {
                    client = new AdminClientBuilder(config)
                        .SetLogHandler((_, message) => KafkaLog.ClientLog(logger, message.Level, message.Message))
                        .SetErrorHandler((_, e) => KafkaLog.ClientError(logger, e.Code, e.Reason))
                        .Build();
                }
                catch (Exception e) when (e is KafkaException or ArgumentException or InvalidOperationException)
                {
                    return KafkaAdminLease.Failed($"cannot create the Kafka client: {KafkaErrors.Describe(e, connection)}");
                }

                entry = new Entry(key, client, connection.BootstrapServers);
                _entries.Add(key, entry);
            }

            entry.References++;
            return new KafkaAdminLease(this, entry, entry.Client);
        }
    }

    /// <summary>
    /// Stops handing out <paramref name="lease"/>'s client (it timed out, e.g. after a broker restart left it waiting
    /// on a dead connection): the next acquire creates a fresh client; the old one closes with its last lease.
    /// </summary>
    public void Retire(KafkaAdminLease lease)
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

        entry.Client.Dispose();
    }

    internal sealed class Entry(string key, IAdminClient client, string bootstrapServers)
    {
        public string Key { get; } = key;

        public IAdminClient Client { get; } = client;

        public string BootstrapServers { get; } = bootstrapServers;

        public int References { get; set; }
    }
}
