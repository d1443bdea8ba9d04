namespace LocalKafka;

/// <summary>Defaults of the local Kafka.</summary>
public static class LocalKafkaDefaults
{
    public const int Brokers = 1;
    public const int MaxBrokers = 16;
    public const int Partitions = 1;

    /// <summary>Replication factor of created topics (capped at the broker count).</summary>
    public const int ReplicationFactor = 1;

    public const string Host = "127.0.0.1";
}
