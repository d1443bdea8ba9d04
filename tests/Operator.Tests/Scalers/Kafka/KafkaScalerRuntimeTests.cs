using Operator.Scalers;
using Operator.Scalers.Kafka;

namespace Operator.Tests.Scalers.Kafka;

/// <summary>The kafka scaler against a real Kafka-protocol cluster (librdkafka's mock cluster through LocalKafka).</summary>
public sealed class KafkaScalerRuntimeTests
{
    private static async Task<(double Value, bool Active)> PollOkAsync(IScaler scaler)
    {
        var result = await KafkaTestCluster.PollAsync(scaler);
        Assert.True(result.IsSuccess, result.Error);
        return (result.Metrics.Single().Value, result.IsActive);
    }

    [Fact]
    public async Task Lag_IsProducedMinusCommitted_AndActive()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 2);
        await kafka.ProduceAsync("orders", 0, 5);
        await kafka.ProduceAsync("orders", 1, 3);
        kafka.Commit("workers", "orders", 0, 2);
        kafka.Commit("workers", "orders", 1, 3);
        await using var scaler = kafka.Build("consumerGroup=workers|topic=orders");

        Assert.Equal((3d, true), await PollOkAsync(scaler));
    }

    [Fact]
    public async Task FullyCommittedGroup_HasNoLag_AndIsInactive()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 1);
        await kafka.ProduceAsync("orders", 0, 4);
        kafka.Commit("workers", "orders", 0, 4);
        await using var scaler = kafka.Build("consumerGroup=workers|topic=orders");

        Assert.Equal((0d, false), await PollOkAsync(scaler));
    }

    [Theory]
    [InlineData("latest", "false", 3d, true)]
    [InlineData("latest", "true", 0d, false)]
    [InlineData("earliest", "false", 6d, true)]
    [InlineData("earliest", "true", 0d, false)]
    public async Task GroupWithoutCommits_FollowsOffsetResetPolicy(string policy, string scaleToZero, double expected, bool active)
    {
        await using var kafka = KafkaTestCluster.Start("orders", 3);
        await kafka.ProduceAsync("orders", 0, 6);
        await using var scaler = kafka.Build($"consumerGroup=fresh|topic=orders|offsetResetPolicy={policy}|scaleToZeroOnInvalidOffset={scaleToZero}|allowIdleConsumers=true");

        Assert.Equal((expected, active), await PollOkAsync(scaler));
    }

    [Fact]
    public async Task WithoutTopic_ReadsEveryTopicTheGroupCommittedTo()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 1);
        kafka.Cluster.CreateTopic("audit", 1);
        kafka.Cluster.CreateTopic("unrelated", 1);
        await kafka.ProduceAsync("orders", 0, 5);
        await kafka.ProduceAsync("audit", 0, 4);
        await kafka.ProduceAsync("unrelated", 0, 50);
        kafka.Commit("workers", "orders", 0, 1);
        kafka.Commit("workers", "audit", 0, 1);
        await using var scaler = kafka.Build("consumerGroup=workers|allowIdleConsumers=true");

        var (value, active) = await PollOkAsync(scaler);
        Assert.SkipWhen(
            value == 0,
            "librdkafka's mock cluster answers OffsetFetch for all topics (a null topic list) with no topics, so the group's " +
            "topics cannot be discovered here; this runs against a real Kafka broker");
        Assert.Equal((7d, true), (value, active));
    }

    [Fact]
    public async Task PartitionLimitation_CountsOnlyTheListedPartitions()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 4);
        for (var p = 0; p < 4; p++)
        {
            await kafka.ProduceAsync("orders", p, p + 1);
            kafka.Commit("workers", "orders", p, 0);
        }

        await using var scaler = kafka.Build("consumerGroup=workers|topic=orders|partitionLimitation=1,3|allowIdleConsumers=true");

        Assert.Equal((6d, true), await PollOkAsync(scaler));
    }

    [Fact]
    public async Task ExcludePersistentLag_IgnoresAStuckConsumerForScaling_ButStaysActive()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 1);
        await kafka.ProduceAsync("orders", 0, 8);
        kafka.Commit("workers", "orders", 0, 3);
        await using var scaler = kafka.Build("consumerGroup=workers|topic=orders|excludePersistentLag=true");

        Assert.Equal((5d, true), await PollOkAsync(scaler));
        Assert.Equal((0d, true), await PollOkAsync(scaler));
        kafka.Commit("workers", "orders", 0, 4);
        Assert.Equal((4d, true), await PollOkAsync(scaler));
    }

    [Theory]
    [InlineData("false", 20d)]
    [InlineData("true", 100d)]
    public async Task Cap_LimitsLagToPartitionsTimesThreshold_UnlessIdleConsumersAreAllowed(string allowIdle, double expected)
    {
        await using var kafka = KafkaTestCluster.Start("orders", 2);
        await kafka.ProduceAsync("orders", 0, 60);
        await kafka.ProduceAsync("orders", 1, 40);
        kafka.Commit("workers", "orders", 0, 0);
        kafka.Commit("workers", "orders", 1, 0);
        await using var scaler = kafka.Build($"consumerGroup=workers|topic=orders|allowIdleConsumers={allowIdle}");

        Assert.Equal((expected, true), await PollOkAsync(scaler));
    }

    [Fact]
    public async Task LimitToPartitionsWithLag_CapsAtPartitionsThatHaveLag()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 3);
        await kafka.ProduceAsync("orders", 0, 50);
        for (var p = 0; p < 3; p++)
        {
            kafka.Commit("workers", "orders", p, 0);
        }

        await using var scaler = kafka.Build("consumerGroup=workers|topic=orders|limitToPartitionsWithLag=true");

        Assert.Equal((10d, true), await PollOkAsync(scaler));
    }

    [Fact]
    public async Task EnsureEvenDistribution_RoundsLagUpToAFactorOfThePartitions()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 6);
        await kafka.ProduceAsync("orders", 0, 25);
        for (var p = 0; p < 6; p++)
        {
            kafka.Commit("workers", "orders", p, 0);
        }

        await using var scaler = kafka.Build("consumerGroup=workers|topic=orders|ensureEvenDistributionOfPartitions=true");

        Assert.Equal((30d, true), await PollOkAsync(scaler));
    }

    [Fact]
    public async Task PartitionsAddedWhileRunning_AreCountedOnTheNextPoll()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 2);
        await using var scaler = kafka.Build("consumerGroup=fresh|topic=orders|allowIdleConsumers=true");
        Assert.Equal((2d, true), await PollOkAsync(scaler));

        // The mock cluster cannot grow a topic: recreate it with more partitions.
        kafka.Cluster.DeleteTopic("orders");
        kafka.Cluster.CreateTopic("orders", 5);

        Assert.Equal((5d, true), await PollOkAsync(scaler));
    }

    [Fact]
    public async Task ApacheKafka_SharesTheRuntime_WithACommaListOfTopics()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 1);
        kafka.Cluster.CreateTopic("audit", 1);
        await kafka.ProduceAsync("orders", 0, 5);
        await kafka.ProduceAsync("audit", 0, 2);
        kafka.Commit("workers", "orders", 0, 1);
        kafka.Commit("workers", "audit", 0, 1);
        await using var scaler = kafka.Build("consumerGroup=workers|topic=orders,audit|allowIdleConsumers=true", type: "apache-kafka");

        Assert.Equal((5d, true), await PollOkAsync(scaler));
    }
}
