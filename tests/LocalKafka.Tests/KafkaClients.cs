using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace LocalKafka.Tests;

/// <summary>Confluent.Kafka clients against a local cluster, configured as an application would.</summary>
internal static class KafkaClients
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static IProducer<string, string> Producer(string bootstrapServers) =>
        new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = bootstrapServers, LingerMs = 0 }).Build();

    public static IAdminClient Admin(string bootstrapServers) =>
        new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();

    public static IConsumer<string, string> Consumer(string bootstrapServers, string group) =>
        new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = group,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).Build();

    public static async Task ProduceAsync(string bootstrapServers, string topic, int partition, int count)
    {
        using var producer = Producer(bootstrapServers);
        for (var i = 0; i < count; i++)
        {
            await producer.ProduceAsync(new TopicPartition(topic, partition), new Message<string, string> { Key = $"k{i}", Value = $"v{i}" });
        }
    }

    public static async Task<long> LatestOffsetAsync(IAdminClient admin, string topic, int partition)
    {
        var result = await admin.ListOffsetsAsync(
            [new TopicPartitionOffsetSpec { TopicPartition = new TopicPartition(topic, partition), OffsetSpec = OffsetSpec.Latest() }],
            new ListOffsetsOptions { RequestTimeout = Timeout });
        return result.ResultInfos.Single().TopicPartitionOffsetError.Offset.Value;
    }
}
