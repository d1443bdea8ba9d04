namespace Operator.Scalers.Kafka;

/// <summary>
/// KEDA's <c>getTotalLag</c> result: the metric value (after the partition cap) and the lag including persistent
/// lag, which decides activity.
/// </summary>
internal readonly record struct KafkaLag(long TotalLag, long TotalLagWithPersistent, long Partitions, long PartitionsWithLag);
