using Confluent.Kafka;

namespace OrderProcessor.Kafka;

/// <summary>
/// Offsets of finished orders not yet committed. librdkafka's mock cluster (unlike Kafka) refuses commits while the
/// group rebalances; keeping them here lets the consumer resume its own partitions after the rebalance at what it
/// already finished, and commit them then, instead of processing those orders again.
/// </summary>
internal sealed class PendingOffsets
{
    private readonly Dictionary<TopicPartition, Offset> _offsets = [];
    private readonly Lock _gate = new();

    public bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return _offsets.Count == 0;
            }
        }
    }

    public void Set(IEnumerable<TopicPartitionOffset> offsets)
    {
        lock (_gate)
        {
            foreach (var offset in offsets)
            {
                _offsets[offset.TopicPartition] = offset.Offset;
            }
        }
    }

    /// <summary>The pending offsets of partitions this consumer still owns (others' partitions are left alone).</summary>
    public List<TopicPartitionOffset> Owned(IReadOnlyCollection<TopicPartition> assignment)
    {
        lock (_gate)
        {
            return _offsets.Where(o => assignment.Contains(o.Key)).Select(o => new TopicPartitionOffset(o.Key, o.Value)).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _offsets.Clear();
        }
    }

    /// <summary>Where to start on newly assigned partitions: past what this consumer finished, else the group's commit.</summary>
    public IEnumerable<TopicPartitionOffset> StartPositions(IEnumerable<TopicPartition> assigned)
    {
        lock (_gate)
        {
            return assigned.Select(p => new TopicPartitionOffset(p, _offsets.TryGetValue(p, out var offset) ? offset : Offset.Unset)).ToList();
        }
    }
}
