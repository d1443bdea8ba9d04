using Confluent.Kafka;

namespace Operator.Scalers.Kafka;

/// <summary>
/// One reading of a group's position: the latest (end) offset of every partition the broker answered for, and
/// the group's committed offset per partition (<see cref="KafkaDefaults.InvalidOffset"/> when nothing is committed).
/// </summary>
internal sealed record KafkaOffsets(
    IReadOnlyDictionary<TopicPartition, long> Latest,
    IReadOnlyDictionary<TopicPartition, long> Committed);
