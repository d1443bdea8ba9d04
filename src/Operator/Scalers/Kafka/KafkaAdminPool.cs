using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Operator.Scalers.Kafka;

/// <summary>
/// One Confluent.Kafka admin client per distinct connection (servers, SASL, TLS), shared by every scaler and push
/// watch that uses it, reused across polls, and disposed when the last lease is released.
/// </summary>
internal sealed class KafkaAdminPool
{
    private readonly ClientPool<IAdminClient> _clients = new();

    /// <summary>The process-wide pool.</summary>
    public static KafkaAdminPool Shared { get; } = new();

    /// <summary>Leases held on clients of <paramref name="bootstrapServers"/> (for tests and diagnostics).</summary>
    public int ReferencesTo(string bootstrapServers) => _clients.ReferencesLabelled(bootstrapServers);

    /// <summary>Live clients of <paramref name="bootstrapServers"/> (for tests and diagnostics).</summary>
    public int ClientsFor(string bootstrapServers) => _clients.ClientsLabelled(bootstrapServers);

    /// <summary>Gets (or creates) the client for <paramref name="connection"/>; dispose the lease to release it.</summary>
    public ClientLease<IAdminClient> Acquire(KafkaConnection connection, ILoggerFactory loggerFactory) =>
        _clients.Acquire(connection.PoolKey, () => Create(connection, loggerFactory), connection.BootstrapServers);

    /// <inheritdoc cref="ClientPool{TClient}.Retire"/>
    public void Retire(ClientLease<IAdminClient> lease) => _clients.Retire(lease);

    private static (IAdminClient? Client, string? Error) Create(KafkaConnection connection, ILoggerFactory loggerFactory)
    {
        var (config, error) = connection.ToAdminConfig();
        if (error is not null)
        {
            return (null, error);
        }

        var logger = loggerFactory.CreateLogger<KafkaAdminPool>();
        try
        {
            return (new AdminClientBuilder(config)
                .SetLogHandler((_, message) => KafkaLog.ClientLog(logger, message.Level, message.Message))
                .SetErrorHandler((_, e) => KafkaLog.ClientError(logger, e.Code, e.Reason))
                .Build(), null);
        }
        catch (Exception e) when (e is KafkaException or ArgumentException or InvalidOperationException)
        {
            return (null, $"cannot create the Kafka client: {KafkaErrors.Describe(e, connection)}");
        }
    }
}
