using System.Net.Sockets;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace LocalKafka.Tests;

public sealed class LocalKafkaClusterTests
{
    private static LocalKafkaOptions Options(params LocalKafkaTopic[] topics) =>
        new() { Topics = topics, GroupInitialRebalanceDelay = TimeSpan.Zero };

    [Fact]
    public async Task Producer_DeliversMessages_AndAdminListOffsetsSeesTheEndOffset()
    {
        await using var kafka = LocalKafkaCluster.Start(Options(new LocalKafkaTopic("orders", 2)));

        await KafkaClients.ProduceAsync(kafka.BootstrapServers, "orders", 1, 3);

        using var admin = KafkaClients.Admin(kafka.BootstrapServers);
        Assert.Equal(0, await KafkaClients.LatestOffsetAsync(admin, "orders", 0));
        Assert.Equal(3, await KafkaClients.LatestOffsetAsync(admin, "orders", 1));
    }

    [Fact]
    public async Task ConsumerGroup_CommittedOffsets_AreReadByListConsumerGroupOffsets()
    {
        await using var kafka = LocalKafkaCluster.Start(Options(new LocalKafkaTopic("orders", 1)));
        await KafkaClients.ProduceAsync(kafka.BootstrapServers, "orders", 0, 4);

        using (var consumer = KafkaClients.Consumer(kafka.BootstrapServers, "processors"))
        {
            consumer.Subscribe("orders");
            for (var read = 0; read < 2;)
            {
                var record = consumer.Consume(KafkaClients.Timeout) ?? throw new TimeoutException("no message within the timeout");
                read++;
                consumer.Commit(record);
            }

            consumer.Close();
        }

        using var admin = KafkaClients.Admin(kafka.BootstrapServers);
        var offsets = await admin.ListConsumerGroupOffsetsAsync(
            [new ConsumerGroupTopicPartitions("processors", [new TopicPartition("orders", 0)])],
            new ListConsumerGroupOffsetsOptions { RequestTimeout = KafkaClients.Timeout });
        Assert.Equal(2, offsets.Single().Partitions.Single().Offset.Value);
    }

    [Fact]
    public async Task Admin_DescribeTopics_ReportsThePartitionsCreated()
    {
        await using var kafka = LocalKafkaCluster.Start(Options(new LocalKafkaTopic("orders", 8), new LocalKafkaTopic("audit", 3)));
        using var admin = KafkaClients.Admin(kafka.BootstrapServers);

        var described = await admin.DescribeTopicsAsync(
            TopicCollection.OfTopicNames(["orders", "audit"]),
            new DescribeTopicsOptions { RequestTimeout = KafkaClients.Timeout });

        Assert.Equal(8, described.TopicDescriptions.Single(t => t.Name == "orders").Partitions.Count);
        Assert.Equal(3, described.TopicDescriptions.Single(t => t.Name == "audit").Partitions.Count);
    }

    [Fact]
    public async Task FixedPort_ServesClientsOnThatPort_ForEveryBroker()
    {
        var (kafka, port) = StartOnFreePortPair(Options(new LocalKafkaTopic("orders", 4)) with { Brokers = 2 });
        await using var _ = kafka;

        Assert.Equal($"127.0.0.1:{port},127.0.0.1:{port + 1}", kafka.BootstrapServers);
        await KafkaClients.ProduceAsync($"127.0.0.1:{port}", "orders", 3, 2);
        using var admin = KafkaClients.Admin($"127.0.0.1:{port}");
        var metadata = admin.GetMetadata(KafkaClients.Timeout);
        Assert.Equal([port, port + 1], metadata.Brokers.Select(b => b.Port).Order());
        Assert.Equal(2, await KafkaClients.LatestOffsetAsync(admin, "orders", 3));
    }

    [Fact]
    public async Task StoppedBroker_FailsRequests_UntilStartedAgain()
    {
        await using var kafka = LocalKafkaCluster.Start(Options(new LocalKafkaTopic("orders", 1)));
        using var admin = KafkaClients.Admin(kafka.BootstrapServers);
        Assert.Equal(0, await KafkaClients.LatestOffsetAsync(admin, "orders", 0));

        kafka.StopBroker(1);
        // The mock applies "broker down" on its own thread, so a request already in flight may still be answered.
        var failure = await EventuallyFails(() => admin.ListOffsetsAsync(
            [new TopicPartitionOffsetSpec { TopicPartition = new TopicPartition("orders", 0), OffsetSpec = OffsetSpec.Latest() }],
            new ListOffsetsOptions { RequestTimeout = TimeSpan.FromSeconds(2) }));
        Assert.IsAssignableFrom<KafkaException>(failure);

        kafka.StartBroker(1);
        Assert.Equal(0, await Eventually(() => KafkaClients.LatestOffsetAsync(admin, "orders", 0)));
    }

    [Fact]
    public async Task CreateTopic_ThatExists_FailsWithTheBrokerError()
    {
        await using var kafka = LocalKafkaCluster.Start(Options(new LocalKafkaTopic("orders", 1)));

        var error = Assert.Throws<InvalidOperationException>(() => kafka.CreateTopic("orders", 2));

        Assert.Contains("already exists", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DeletedTopic_CanBeCreatedAgain_WithMorePartitions()
    {
        await using var kafka = LocalKafkaCluster.Start(Options(new LocalKafkaTopic("orders", 2)));

        kafka.DeleteTopic("orders");
        kafka.CreateTopic("orders", 5);

        using var admin = KafkaClients.Admin(kafka.BootstrapServers);
        var described = await admin.DescribeTopicsAsync(TopicCollection.OfTopicNames(["orders"]));
        Assert.Equal(5, described.TopicDescriptions.Single().Partitions.Count);
    }

    /// <summary>The client reconnects with backoff after a broker comes back; retry until it has.</summary>
    private static async Task<T> Eventually<T>(Func<Task<T>> action)
    {
        var deadline = Environment.TickCount64 + (long)KafkaClients.Timeout.TotalMilliseconds;
        while (true)
        {
            try
            {
                return await action();
            }
            catch (KafkaException) when (Environment.TickCount64 < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task<Exception?> EventuallyFails(Func<Task> action)
    {
        var deadline = Environment.TickCount64 + (long)KafkaClients.Timeout.TotalMilliseconds;
        while (true)
        {
            try
            {
                await action();
            }
            catch (KafkaException e)
            {
                return e;
            }

            if (Environment.TickCount64 >= deadline)
            {
                return null;
            }

            await Task.Delay(200);
        }
    }

    // Below Linux's ephemeral range (32768+), so the ports other tests' clients and servers pick with port 0 never
    // collide with the pair; a pair taken between the check and the bind is simply tried again.
    private static (LocalKafkaCluster Kafka, int Port) StartOnFreePortPair(LocalKafkaOptions options)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20_000, 30_000);
            try
            {
                return (LocalKafkaCluster.Start(options with { Port = port }), port);
            }
            catch (InvalidOperationException e) when (e.InnerException is SocketException && attempt < 20)
            {
            }
        }
    }
}
