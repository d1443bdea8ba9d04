using Confluent.Kafka;
using Operator.Scalers.Kafka;

namespace Operator.Tests.Scalers.Kafka;

public sealed class KafkaLagCalculatorTests
{
    private static readonly KafkaLagRules Rules = new() { Group = "g", Topics = ["t"] };

    private static KafkaOffsets Offsets(params (int Partition, long Latest, long Committed)[] partitions) => new(
        partitions.ToDictionary(p => new TopicPartition("t", p.Partition), p => p.Latest),
        partitions.ToDictionary(p => new TopicPartition("t", p.Partition), p => p.Committed));

    private static KafkaLag Lag(KafkaOffsets offsets, KafkaLagRules rules, Dictionary<TopicPartition, long>? memory = null)
    {
        var (lag, error) = KafkaLagCalculator.Calculate(offsets, rules, memory ?? []);
        Assert.Null(error);
        return lag;
    }

    [Fact]
    public void Lag_IsLatestMinusCommitted_SummedOverPartitions()
    {
        Assert.Equal(7, Lag(Offsets((0, 10, 5), (1, 4, 2)), Rules).TotalLag);
    }

    [Fact]
    public void Cap_UsesIntegerDivision_So39LagOver3PartitionsIsNotCapped()
    {
        Assert.Equal(39, Lag(Offsets((0, 13, 0), (1, 13, 0), (2, 13, 0)), Rules).TotalLag);
    }

    [Fact]
    public void Cap_WithoutIdleConsumers_LimitsLagToPartitionsTimesThreshold()
    {
        Assert.Equal(30, Lag(Offsets((0, 100, 0), (1, 100, 0), (2, 100, 0)), Rules).TotalLag);
    }

    [Fact]
    public void Cap_WithIdleConsumersAllowed_ReportsTheWholeLag()
    {
        Assert.Equal(300, Lag(Offsets((0, 100, 0), (1, 100, 0), (2, 100, 0)), Rules with { AllowIdleConsumers = true }).TotalLag);
    }

    [Fact]
    public void LimitToPartitionsWithLag_CapsAtThePartitionsThatHaveLag()
    {
        Assert.Equal(10, Lag(Offsets((0, 100, 0), (1, 5, 5), (2, 7, 7)), Rules with { LimitToPartitionsWithLag = true }).TotalLag);
    }

    [Theory]
    [InlineData(15, 6, 20)]
    [InlineData(25, 6, 30)]
    [InlineData(41, 6, 60)]
    [InlineData(0, 6, 10)]
    public void EnsureEvenDistribution_RoundsUpToAFactorOfThePartitionCount(long lag, int partitions, long expected)
    {
        var rows = Enumerable.Range(0, partitions).Select(p => (p, p == 0 ? lag : 0L, 0L)).ToArray();
        Assert.Equal(expected, Lag(Offsets(rows), Rules with { EnsureEvenDistributionOfPartitions = true }).TotalLag);
    }

    [Theory]
    [InlineData("latest", false, 1)]
    [InlineData("latest", true, 0)]
    [InlineData("earliest", false, 42)]
    [InlineData("earliest", true, 0)]
    public void NoCommit_FollowsOffsetResetPolicy(string policy, bool scaleToZero, long expected)
    {
        var lag = Lag(Offsets((0, 42, KafkaDefaults.InvalidOffset)), Rules with { OffsetResetPolicy = policy, ScaleToZeroOnInvalidOffset = scaleToZero, AllowIdleConsumers = true });

        Assert.Equal(expected, lag.TotalLag);
        Assert.Equal(expected, lag.TotalLagWithPersistent);
    }

    [Fact]
    public void ExcludePersistentLag_DropsLagOfAConsumerThatDidNotMove_ButKeepsItForActivity()
    {
        var memory = new Dictionary<TopicPartition, long>();
        var rules = Rules with { ExcludePersistentLag = true };

        var first = Lag(Offsets((0, 10, 4)), rules, memory);
        var stuck = Lag(Offsets((0, 12, 4)), rules, memory);
        var moved = Lag(Offsets((0, 12, 6)), rules, memory);

        Assert.Equal(6, first.TotalLag);
        Assert.Equal((0, 8), (stuck.TotalLag, stuck.TotalLagWithPersistent));
        Assert.Equal((6, 6), (moved.TotalLag, moved.TotalLagWithPersistent));
    }

    [Fact]
    public void PartitionMissingFromGroupOffsets_IsAnError_ForKafka()
    {
        var offsets = new KafkaOffsets(new Dictionary<TopicPartition, long> { [new("t", 0)] = 5 }, new Dictionary<TopicPartition, long> { [new("t", 1)] = 1 });

        var (_, error) = KafkaLagCalculator.Calculate(offsets, Rules, []);

        Assert.Equal("error finding offset block for topic t and partition 0", error);
    }

    [Fact]
    public void PartitionMissingFromGroupOffsets_ReadsAsZero_ForApacheKafka()
    {
        var offsets = new KafkaOffsets(
            new Dictionary<TopicPartition, long> { [new("t", 0)] = 5, [new("t", 1)] = 3 },
            new Dictionary<TopicPartition, long> { [new("t", 1)] = 1 });

        Assert.Equal(7, Lag(offsets, Rules with { ApacheKafkaQuirks = true, AllowIdleConsumers = true }).TotalLag);
    }

    [Fact]
    public void EmptyGroupOffsets_AreAnError_ForApacheKafka()
    {
        var offsets = new KafkaOffsets(new Dictionary<TopicPartition, long> { [new("t", 0)] = 5 }, new Dictionary<TopicPartition, long>());

        var (_, error) = KafkaLagCalculator.Calculate(offsets, Rules with { ApacheKafkaQuirks = true }, []);

        Assert.Equal("no consumer offsets found", error);
    }
}
