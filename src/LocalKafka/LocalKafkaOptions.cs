namespace LocalKafka;

/// <summary>How to start a <see cref="LocalKafkaCluster"/>.</summary>
public sealed record LocalKafkaOptions
{
    /// <summary>Number of brokers (ids 1..N); default 1.</summary>
    public int Brokers { get; init; } = LocalKafkaDefaults.Brokers;

    /// <summary>
    /// Port of broker 1 (broker <c>i</c> gets <c>Port + i - 1</c>); null = free ephemeral ports chosen by librdkafka.
    /// </summary>
    public int? Port { get; init; }

    /// <summary>Topics created at start.</summary>
    public IReadOnlyList<LocalKafkaTopic> Topics { get; init; } = [];

    /// <summary>
    /// How long the group coordinator waits for more members before the first rebalance of an empty group
    /// (Kafka's <c>group.initial.rebalance.delay.ms</c>); null = Kafka's 3 s.
    /// </summary>
    public TimeSpan? GroupInitialRebalanceDelay { get; init; }

    /// <summary>
    /// For groups on the consumer protocol (KIP-848, <c>group.protocol=consumer</c>): how long the coordinator waits
    /// for a member's heartbeat before it fences the member and hands its partitions on (Kafka's
    /// <c>group.consumer.session.timeout.ms</c>); null = the mock's default.
    /// </summary>
    public TimeSpan? ConsumerGroupSessionTimeout { get; init; }

    /// <summary>
    /// For groups on the consumer protocol: the heartbeat interval the coordinator gives members (Kafka's
    /// <c>group.consumer.heartbeat.interval.ms</c>), which bounds how soon a member learns of a new assignment;
    /// null = the mock's default.
    /// </summary>
    public TimeSpan? ConsumerGroupHeartbeatInterval { get; init; }

    /// <summary>Checks the options; returns a message naming the bad field, or null.</summary>
    public string? Validate()
    {
        if (Brokers is < 1 or > LocalKafkaDefaults.MaxBrokers)
        {
            return $"Brokers must be between 1 and {LocalKafkaDefaults.MaxBrokers}, got {Brokers}";
        }

        if (Port is { } port && (port < 1 || port + Brokers - 1 > 65535))
        {
            return $"Port must be between 1 and {65536 - Brokers} for {Brokers} broker(s), got {port}";
        }

        var durationError = Milliseconds(nameof(GroupInitialRebalanceDelay), GroupInitialRebalanceDelay, zeroAllowed: true)
            ?? Milliseconds(nameof(ConsumerGroupSessionTimeout), ConsumerGroupSessionTimeout, zeroAllowed: false)
            ?? Milliseconds(nameof(ConsumerGroupHeartbeatInterval), ConsumerGroupHeartbeatInterval, zeroAllowed: false);
        if (durationError is not null)
        {
            return durationError;
        }

        foreach (var topic in Topics)
        {
            if (topic.Validate() is { } error)
            {
                return error;
            }
        }

        return null;
    }

    // The mock cluster takes these durations as milliseconds in an int.
    private static string? Milliseconds(string name, TimeSpan? value, bool zeroAllowed) =>
        value is { } span && (span < TimeSpan.Zero || (span == TimeSpan.Zero && !zeroAllowed) || span.TotalMilliseconds > int.MaxValue)
            ? $"{name} must be between {(zeroAllowed ? 0 : 1)} and {int.MaxValue} ms, got {span}"
            : null;
}
