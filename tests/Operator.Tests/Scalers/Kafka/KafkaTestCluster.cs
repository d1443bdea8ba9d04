using Confluent.Kafka;
using LocalKafka;
using Operator.Scalers;

namespace Operator.Tests.Scalers.Kafka;

/// <summary>A fresh local Kafka (librdkafka's mock cluster) per test, with helpers to produce and commit.</summary>
internal sealed class KafkaTestCluster : IAsyncDisposable
{
    private KafkaTestCluster(LocalKafkaCluster cluster) => Cluster = cluster;

    public LocalKafkaCluster Cluster { get; }

    public string Servers => Cluster.BootstrapServers;

    public static KafkaTestCluster Start(string topic, int partitions) =>
        new(LocalKafkaCluster.Start(new LocalKafkaOptions { Topics = [new LocalKafkaTopic(topic, partitions)], GroupInitialRebalanceDelay = TimeSpan.Zero }));

    public async Task ProduceAsync(string topic, int partition, int count)
    {
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = Servers, LingerMs = 0 }).Build();
        for (var i = 0; i < count; i++)
        {
            await producer.ProduceAsync(new TopicPartition(topic, partition), new Message<Null, string> { Value = $"m{i}" });
        }
    }

    /// <summary>Commits <paramref name="offset"/> for the group as a consumer would after processing.</summary>
    public void Commit(string group, string topic, int partition, long offset)
    {
        using var consumer = new ConsumerBuilder<Null, string>(new ConsumerConfig { BootstrapServers = Servers, GroupId = group, EnableAutoCommit = false }).Build();
        consumer.Commit([new TopicPartitionOffset(topic, partition, offset)]);
    }

    /// <summary>Commits the end offset of every partition of <paramref name="topic"/>: the group has processed everything.</summary>
    public void CommitAll(string group, string topic, int partitions)
    {
        using var consumer = new ConsumerBuilder<Null, string>(new ConsumerConfig { BootstrapServers = Servers, GroupId = group, EnableAutoCommit = false }).Build();
        var ends = Enumerable.Range(0, partitions)
            .Select(p => new TopicPartitionOffset(topic, p, consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).High))
            .ToList();
        consumer.Commit(ends);
    }

    /// <summary>A kafka trigger on <paramref name="topic"/> for <paramref name="consumerGroup"/> (lagThreshold 5, earliest), as YAML for one item of <c>spec.triggers</c>.</summary>
    public string Trigger(string topic, string consumerGroup) => $$"""
        type: kafka
        metadata:
          bootstrapServers: {{Servers}}
          consumerGroup: {{consumerGroup}}
          topic: {{topic}}
          lagThreshold: "5"
          offsetResetPolicy: earliest
        """;

    public IScaler Build(string metadata, string authParams = "", string type = "kafka")
    {
        var result = ScalerRegistry.Build(new ScalerConfig
        {
            TriggerType = type,
            TriggerMetadata = TestMaps.Parse($"bootstrapServers={Servers}|{metadata}"),
            AuthParams = TestMaps.Parse(authParams),
        });
        Assert.True(result.IsSuccess, string.Join('\n', result.Errors));
        return result.Scaler!;
    }

    public static async Task<ScalerResult> PollAsync(IScaler scaler)
    {
        var name = scaler.GetMetricSpecs().Single().External.Metric.Name;
        return await scaler.GetMetricsAndActivityAsync(name, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
