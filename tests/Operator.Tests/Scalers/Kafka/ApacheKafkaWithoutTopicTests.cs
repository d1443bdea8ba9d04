using System.Diagnostics;
using Confluent.Kafka;

namespace Operator.Tests.Scalers.Kafka;

/// <summary>apache-kafka without <c>topic</c> does what KEDA's kafka-go scaler does: active members required, then every topic in the cluster.</summary>
public sealed class ApacheKafkaWithoutTopicTests
{
    [Fact]
    public async Task WithoutActiveMembers_FailsWithKedasMessage()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 1);
        await kafka.ProduceAsync("orders", 0, 3);
        kafka.Commit("workers", "orders", 0, 1);
        await using var scaler = kafka.Build("consumerGroup=workers", type: "apache-kafka");

        var result = await KafkaTestCluster.PollAsync(scaler);
        SkipWhenTheBrokerCannotDescribeGroups(result.Error);

        Assert.False(result.IsSuccess);
        Assert.StartsWith("no active members in group workers, group-state is ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithActiveMembers_CountsEveryTopicInTheCluster_EvenOnesTheGroupNeverConsumed()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 1);
        kafka.Cluster.CreateTopic("audit", 1);
        kafka.Cluster.CreateTopic("unrelated", 2);
        await kafka.ProduceAsync("orders", 0, 5);
        await kafka.ProduceAsync("audit", 0, 4);
        kafka.Commit("workers", "orders", 0, 1);
        kafka.Commit("workers", "audit", 0, 1);
        using var member = JoinGroup(kafka, "workers", "orders");
        await using var scaler = kafka.Build("consumerGroup=workers|allowIdleConsumers=true", type: "apache-kafka");

        var result = await KafkaTestCluster.PollAsync(scaler);
        SkipWhenTheBrokerCannotDescribeGroups(result.Error);

        Assert.True(result.IsSuccess, result.Error);
        // orders 5-1, audit 4-1, and "unrelated" (never committed, offsetResetPolicy latest): 1 per partition.
        Assert.Equal(4 + 3 + 2, result.Metrics.Single().Value);
        Assert.True(result.IsActive);
    }

    private static void SkipWhenTheBrokerCannotDescribeGroups(string? error) => Assert.SkipWhen(
        error is not null && error.StartsWith("error describing group: workers", StringComparison.Ordinal)
            && error.Contains("Required feature not supported by broker", StringComparison.Ordinal),
        "librdkafka's mock cluster does not implement DescribeGroups, which apache-kafka without topic needs (as KEDA's kafka-go " +
        "scaler does); this runs against a real Kafka broker");

    // A consumer that has joined the group and holds its assignment (librdkafka keeps heartbeating in the background).
    private static IConsumer<Null, string> JoinGroup(KafkaTestCluster kafka, string group, string topic)
    {
        var consumer = new ConsumerBuilder<Null, string>(new ConsumerConfig
        {
            BootstrapServers = kafka.Servers,
            GroupId = group,
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Latest,
        }).Build();
        consumer.Subscribe(topic);
        var waited = Stopwatch.StartNew();
        while (consumer.Assignment.Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            consumer.Consume(TimeSpan.FromMilliseconds(200));
        }

        Assert.NotEmpty(consumer.Assignment);
        return consumer;
    }
}
