namespace Operator.Scalers.Kafka;

/// <summary>The knobs of KEDA's lag computation, shared by <c>kafka</c> and <c>apache-kafka</c>.</summary>
internal sealed record KafkaLagRules
{
    public required string Group { get; init; }

    /// <summary>Topics to read; empty = every topic the group has committed offsets for.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Partitions to consider; null = all.</summary>
    public IReadOnlyList<int>? PartitionLimitation { get; init; }

    public long LagThreshold { get; init; } = KafkaDefaults.LagThreshold;

    public long ActivationLagThreshold { get; init; }

    /// <summary><c>latest</c> or <c>earliest</c>.</summary>
    public string OffsetResetPolicy { get; init; } = "latest";

    public bool ScaleToZeroOnInvalidOffset { get; init; }

    public bool ExcludePersistentLag { get; init; }

    public bool AllowIdleConsumers { get; init; }

    public bool LimitToPartitionsWithLag { get; init; }

    public bool EnsureEvenDistributionOfPartitions { get; init; }

    /// <summary>
    /// apache-kafka (kafka-go) reads a partition missing from the group's offsets as offset 0 (Go's map default) and
    /// fails on empty offset responses; the kafka (Sarama) scaler fails on the missing partition instead.
    /// </summary>
    public bool ApacheKafkaQuirks { get; init; }

    public bool IsEarliest => OffsetResetPolicy == "earliest";

    public static KafkaLagRules From(KafkaMetadata m) => new()
    {
        Group = m.Group,
        Topics = m.Topic.Length > 0 ? [m.Topic] : [],
        PartitionLimitation = m.PartitionLimitation,
        LagThreshold = m.LagThreshold,
        ActivationLagThreshold = m.ActivationLagThreshold,
        OffsetResetPolicy = m.OffsetResetPolicy,
        ScaleToZeroOnInvalidOffset = m.ScaleToZeroOnInvalidOffset,
        ExcludePersistentLag = m.ExcludePersistentLag,
        AllowIdleConsumers = m.AllowIdleConsumers,
        LimitToPartitionsWithLag = m.LimitToPartitionsWithLag,
        EnsureEvenDistributionOfPartitions = m.EnsureEvenDistributionOfPartitions,
    };

    public static KafkaLagRules From(ApacheKafkaMetadata m) => new()
    {
        Group = m.Group,
        Topics = m.Topic,
        PartitionLimitation = m.PartitionLimitation is { Count: > 0 } limitation ? limitation : null,
        LagThreshold = m.LagThreshold,
        ActivationLagThreshold = m.ActivationLagThreshold,
        OffsetResetPolicy = m.OffsetResetPolicy,
        ScaleToZeroOnInvalidOffset = m.ScaleToZeroOnInvalidOffset,
        ExcludePersistentLag = m.ExcludePersistentLag,
        AllowIdleConsumers = m.AllowIdleConsumers,
        LimitToPartitionsWithLag = m.LimitToPartitionsWithLag,
        EnsureEvenDistributionOfPartitions = m.EnsureEvenDistributionOfPartitions,
        ApacheKafkaQuirks = true,
    };
}
