using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using LocalKafka;
using OrderContracts;
using OrderProcessor.Kafka;

namespace OrderSample.Tests.EndToEnd;

/// <summary>Generator → local Kafka (librdkafka's mock cluster) → processor, with the real Confluent.Kafka clients.</summary>
[Collection(OrderFlowCollection.Name)]
public sealed class KafkaOrderFlowTests(SpanCollector spans) : OrderFlowTests(spans), IAsyncLifetime
{
    private LocalKafkaCluster? _kafka;

    protected override OrderTransport Transport => OrderTransport.Kafka;

    protected override string ConnectionName => "kafka";

    protected override string ConnectionString => _kafka!.BootstrapServers;

    public ValueTask InitializeAsync()
    {
        Spans.Clear();
        _kafka = LocalKafkaCluster.Start(new LocalKafkaOptions
        {
            Topics = [new LocalKafkaTopic(OrderDefaults.TopicName, 4), new LocalKafkaTopic(OrderDefaults.DeadLetterTopicName, 1)],
            GroupInitialRebalanceDelay = TimeSpan.Zero,
            // A killed member is noticed after the session timeout; keep it short so the survivor takes over soon.
            ConsumerGroupSessionTimeout = TimeSpan.FromSeconds(6),
            ConsumerGroupHeartbeatInterval = TimeSpan.FromMilliseconds(500),
        });
        return ValueTask.CompletedTask;
    }

    [Fact]
    public Task Kafka_300Orders_EveryOneProcessedExactlyOnce() => ThreeHundredOrders_EveryOneProcessedExactlyOnceAsync("Kafka topic 'orders'");

    [Fact]
    public Task Kafka_ProcessorStoppedMidRun_LosesNothing() => ProcessorStoppedMidRun_EveryOrderProcessedOnceAsync();

    [Fact]
    public async Task Kafka_ProcessorsJoiningMidRun_ProcessEveryOrderExactlyOnce()
    {
        await using var first = await OrderSampleRuns.StartProcessorAsync(Configuration(concurrency: 4, processingSeconds: "0.05"));
        Assert.Equal(0, (await OrderSampleRuns.GenerateAsync(300, OrderTransport.Kafka, Configuration())).Exit);
        await SpanCollector.WaitUntilAsync(() => Spans.ProcessedOrderIds().Count >= 40, Timeout, "40 processed orders");
        await using var second = await OrderSampleRuns.StartProcessorAsync(Configuration(concurrency: 4, processingSeconds: "0.05"));
        await SpanCollector.WaitUntilAsync(() => Spans.ProcessedOrderIds().Count >= 100, Timeout, "100 processed orders");
        await using var third = await OrderSampleRuns.StartProcessorAsync(Configuration(concurrency: 4, processingSeconds: "0.05"));
        await SpanCollector.WaitUntilAsync(() => Spans.ProcessedOrderIds().Distinct().Count() >= 300, Timeout, "300 processed orders");
        await third.StopAsync(TestContext.Current.CancellationToken);
        await second.StopAsync(TestContext.Current.CancellationToken);
        await first.StopAsync(TestContext.Current.CancellationToken);

        // Scale-out and scale-in on the consumer group protocol: every order once (the classic protocol processed
        // 552 of 300 here, librdkafka's mock cluster refusing commits while the whole group rebalanced).
        Assert.Equal(GeneratedOrderIds().Order(), Spans.ProcessedOrderIds().Order());
    }

    [Fact]
    public Task Kafka_ProcessorKilledMidRun_LosesNothing() => ProcessorKilledMidRun_LosesNothingAsync();

    [Fact]
    public async Task Kafka_PoisonOrder_LandsInTheDeadLetterTopicWithItsReason()
    {
        using (var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = _kafka!.BootstrapServers }).Build())
        {
            await producer.ProduceAsync(OrderDefaults.TopicName, new Message<string, byte[]> { Key = "poison-1", Value = "not json"u8.ToArray() },
                TestContext.Current.CancellationToken);
        }

        await using var processor = await OrderSampleRuns.StartProcessorAsync(Configuration());
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = _kafka.BootstrapServers,
            GroupId = "dead-letter-reader",
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe(OrderDefaults.DeadLetterTopicName);
        var deadLetter = await Task.Run(() => consumer.Consume(TimeSpan.FromMinutes(2)), TestContext.Current.CancellationToken);

        Assert.NotNull(deadLetter);
        Assert.Equal("poison-1", deadLetter.Message.Key);
        Assert.Equal("not json", Encoding.UTF8.GetString(deadLetter.Message.Value));
        Assert.Equal(KafkaOrderWorker.InvalidOrderReason, Header(deadLetter, KafkaOrderWorker.ReasonHeader));
        Assert.StartsWith("the body is not an order", Header(deadLetter, KafkaOrderWorker.DescriptionHeader), StringComparison.Ordinal);
    }

    [Fact]
    public Task Kafka_OneOrdersTrace_HoldsTheGeneratorsAndTheProcessorsSpans() => OneOrder_TraceAsync(create =>
    {
        var trace = Spans.Spans.Where(s => s.TraceId == create.TraceId).ToList();
        Assert.Equal(ActivityKind.Producer, create.Kind);
        Assert.Contains(trace, s => s.DisplayName == "send orders" && s.Kind == ActivityKind.Producer && s.ParentSpanId == create.SpanId);
        var consume = Assert.Single(trace, s => s.DisplayName == "process orders" && s.Kind == ActivityKind.Consumer);
        var order = Assert.Single(trace, s => s.Source.Name == OrderTelemetry.ProcessorSourceName);
        Assert.Equal(consume.SpanId, order.ParentSpanId);
        Assert.Equal(create.GetTagItem("order.id"), order.GetTagItem("order.id"));
    });

    public async ValueTask DisposeAsync()
    {
        if (_kafka is not null)
        {
            await _kafka.DisposeAsync();
        }
    }

    private static string Header(ConsumeResult<string, byte[]> record, string name) =>
        record.Message.Headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : "";
}
