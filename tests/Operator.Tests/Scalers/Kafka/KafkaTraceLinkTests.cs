using System.Diagnostics;
using Confluent.Kafka;
using Operator.Scalers;
using Operator.Scalers.Kafka;
using Operator.Tests.Scalers.AzureServiceBus;
using ServiceDefaults.Messaging;

namespace Operator.Tests.Scalers.Kafka;

/// <summary>
/// The kafka scaler's trace context of the waiting messages: the <c>traceparent</c> header of the message at the
/// group's committed offset of each lagging partition, read from librdkafka's mock cluster without joining the
/// group or committing.
/// </summary>
public sealed class KafkaTraceLinkTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WaitingMessages_AtTheCommittedOffsets_GiveTheirTraceContext()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 3);
        var processed = ServiceBusTraceLinkTests.NewContext();
        var waiting = ServiceBusTraceLinkTests.NewContext();
        var uncommitted = ServiceBusTraceLinkTests.NewContext();
        await ProduceAsync(kafka, 0, processed, waiting);
        await ProduceAsync(kafka, 1, uncommitted);
        kafka.Commit("processors", "orders", 0, 1);
        await using var scaler = kafka.Build("consumerGroup=processors|topic=orders|offsetResetPolicy=earliest");
        Assert.True((await KafkaTestCluster.PollAsync(scaler)).IsActive);

        var contexts = await ((IMessageTraceSource)scaler).ReadWaitingTraceContextsAsync(5, Ct);

        Assert.Equal([waiting.TraceId, uncommitted.TraceId], contexts.Select(c => c.TraceId));
    }

    [Fact]
    public async Task ReadingTraceContext_LeavesTheGroupsOffsetsAsTheyWere()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 1);
        await ProduceAsync(kafka, 0, ServiceBusTraceLinkTests.NewContext(), ServiceBusTraceLinkTests.NewContext());
        kafka.Commit("processors", "orders", 0, 1);
        await using var scaler = kafka.Build("consumerGroup=processors|topic=orders");
        await KafkaTestCluster.PollAsync(scaler);

        var contexts = await ((IMessageTraceSource)scaler).ReadWaitingTraceContextsAsync(5, Ct);
        var second = await KafkaTestCluster.PollAsync(scaler);

        Assert.Single(contexts);
        Assert.Equal(1, second.Metrics.Single().Value);
        Assert.Equal(1, await CommittedAsync(kafka, "processors"));
        Assert.Equal(Offset.Unset.Value, await CommittedAsync(kafka, KafkaDefaults.TraceLinkGroupId));
    }

    [Fact]
    public async Task BeforeAnyPoll_NoContextIsRead()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 1);
        await ProduceAsync(kafka, 0, ServiceBusTraceLinkTests.NewContext());
        await using var scaler = kafka.Build("consumerGroup=processors|topic=orders|offsetResetPolicy=earliest");

        var contexts = await ((IMessageTraceSource)scaler).ReadWaitingTraceContextsAsync(5, Ct);

        Assert.Empty(contexts);
    }

    internal static async Task ProduceAsync(KafkaTestCluster kafka, int partition, params ActivityContext[] contexts)
    {
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = kafka.Servers, LingerMs = 0 }).Build();
        foreach (var context in contexts)
        {
            var message = new Message<Null, string> { Value = "order", Headers = [] };
            MessageTraceContext.Inject(context, message.Headers);
            await producer.ProduceAsync(new TopicPartition("orders", partition), message, Ct);
        }
    }

    private static async Task<long> CommittedAsync(KafkaTestCluster kafka, string group)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = kafka.Servers }).Build();
        var result = await admin.ListConsumerGroupOffsetsAsync([new ConsumerGroupTopicPartitions(group, [new TopicPartition("orders", 0)])]);
        return result.Single().Partitions.Single().Offset.Value;
    }
}
