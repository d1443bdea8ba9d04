using Confluent.Kafka;

namespace Operator.Scalers.Kafka;

/// <summary>
/// KEDA's lag rules (<c>getTotalLag</c>, <c>getLagForPartition</c>) over one <see cref="KafkaOffsets"/> reading.
/// The only state is the per-partition memory of <c>excludePersistentLag</c>, owned by the scaler and passed in.
/// </summary>
internal static class KafkaLagCalculator
{
    public static (KafkaLag Lag, string? Error) Calculate(KafkaOffsets offsets, KafkaLagRules rules, Dictionary<TopicPartition, long> previousOffsets)
    {
        if (rules.ApacheKafkaQuirks && (offsets.Latest.Count == 0 || offsets.Committed.Count == 0))
        {
            return (default, offsets.Latest.Count == 0 ? "no producer offsets found" : "no consumer offsets found");
        }

        long totalLag = 0, totalLagWithPersistent = 0, partitionsWithLag = 0;
        foreach (var (partition, latest) in offsets.Latest.OrderBy(p => p.Key.Topic, StringComparer.Ordinal).ThenBy(p => p.Key.Partition.Value))
        {
            var (lag, lagWithPersistent, error) = ForPartition(partition, latest, offsets, rules, previousOffsets);
            if (error is not null)
            {
                return (default, error);
            }

            totalLag += lag;
            totalLagWithPersistent += lagWithPersistent;
            if (lag > 0)
            {
                partitionsWithLag++;
            }
        }

        long partitions = offsets.Latest.Count;
        if (!rules.AllowIdleConsumers || rules.LimitToPartitionsWithLag || rules.EnsureEvenDistributionOfPartitions)
        {
            var upperBound = partitions;
            if (rules.EnsureEvenDistributionOfPartitions)
            {
                // As in KEDA, this also lifts a lag of 0 to one lagThreshold (factor 1).
                totalLag = NextFactorBalancingPartitions(totalLag, partitions, rules.LagThreshold) * rules.LagThreshold;
            }

            if (rules.LimitToPartitionsWithLag)
            {
                upperBound = partitionsWithLag;
            }

            // Integer division, as in KEDA: 39 lag over 3 partitions at threshold 10 is not capped.
            if (totalLag / rules.LagThreshold > upperBound)
            {
                totalLag = upperBound * rules.LagThreshold;
            }
        }

        return (new KafkaLag(totalLag, totalLagWithPersistent, partitions, partitionsWithLag), null);
    }

    /// <summary>KEDA's <c>getLagForPartition</c>: (lag, lagWithPersistent) or an error.</summary>
    private static (long Lag, long LagWithPersistent, string? Error) ForPartition(
        TopicPartition partition, long latest, KafkaOffsets offsets, KafkaLagRules rules, Dictionary<TopicPartition, long> previousOffsets)
    {
        if (!offsets.Committed.TryGetValue(partition, out var consumer))
        {
            if (!rules.ApacheKafkaQuirks)
            {
                return (0, 0, $"error finding offset block for topic {partition.Topic} and partition {partition.Partition.Value}");
            }

            consumer = 0;
        }

        if (consumer == KafkaDefaults.InvalidOffset)
        {
            if (!rules.IsEarliest)
            {
                // No commit yet under "latest": KEDA reports a lag of 1 so the workload can start and commit.
                var value = rules.ScaleToZeroOnInvalidOffset ? 0 : 1;
                return (value, value, null);
            }

            if (rules.ScaleToZeroOnInvalidOffset)
            {
                return (0, 0, null);
            }

            return (latest, latest, null);
        }

        if (rules.ExcludePersistentLag)
        {
            if (previousOffsets.TryGetValue(partition, out var previous) && previous == consumer)
            {
                // The consumer has not moved since the last poll: not counted for scaling, still counted for activity.
                return (0, latest - consumer, null);
            }

            previousOffsets[partition] = consumer;
        }

        return (latest - consumer, latest - consumer, null);
    }

    /// <summary>KEDA's <c>getNextFactorThatBalancesConsumersToTopicPartitions</c>.</summary>
    internal static long NextFactorBalancingPartitions(long totalLag, long partitions, long lagThreshold)
    {
        foreach (var factor in Factors(partitions))
        {
            if (factor * lagThreshold >= totalLag)
            {
                return factor;
            }
        }

        return partitions;
    }

    private static List<long> Factors(long n)
    {
        var factors = new List<long>();
        for (long i = 1; i * i <= n; i++)
        {
            if (n % i == 0)
            {
                factors.Add(i);
                if (i != n / i)
                {
                    factors.Add(n / i);
                }
            }
        }

        factors.Sort();
        return factors;
    }
}
