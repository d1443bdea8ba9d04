using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using LocalKafka;
using OrderContracts;
using OrderProcessor.Kafka;

namespace OrderSample.Tests.EndToEnd;

/// <summary>Generator → local Kafka (librdkafka's mock cluster) → processor, with the real Confluent.Kafka clients.</summary>
[Collection(OrderFlowCollection.Name)]
public sealed class KafkaOrderFlowTests(SpanCollector spans) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private LocalKafkaCluster? _kafka;

    public ValueTask InitializeAsync()
    {
        spans.Clear();
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
    public async Task Kafka_300Orders_EveryOneProcessedExactlyOnce()
    {
        var (exit, output) = await OrderSampleRuns.GenerateAsync(300, OrderTransport.Kafka, Configuration());
        Assert.Equal(0, exit);
        Assert.Contains("Queued 300 of 300 orders on Kafka topic 'orders'", output, StringComparison.Ordinal);

        await using (var processor = await OrderSampleRuns.StartProcessorAsync(Configuration(concurrency: 8)))
        {
            await SpanCollector.WaitUntilAsync(() => spans.ProcessedOrderIds().Distinct().Count() >= 300, Timeout, "300 processed orders");
            await processor.StopAsync(TestContext.Current.CancellationToken);
        }

        var processed = spans.ProcessedOrderIds();
        Assert.Equal(300, processed.Count);
        Assert.Equal(GeneratedOrderIds().Order(), processed.Order());
    }

    [Fact]
    public async Task Kafka_ProcessorStoppedMidRun_LosesNothing()
    {
        await using var first = await OrderSampleRuns.StartProcessorAsync(Configuration(concurrency: 2, processingSeconds: "0.05"));
        await using var second = await OrderSampleRuns.StartProcessorAsync(Configuration(concurrency: 2, processingSeconds: "0.05"));
        Assert.Equal(0, (await OrderSampleRuns.GenerateAsync(300, OrderTransport.Kafka, Configuration())).Exit);

        await SpanCollector.WaitUntilAsync(() => spans.ProcessedOrderIds().Count >= 60, Timeout, "60 processed orders");
        await first.StopAsync(TestContext.Current.CancellationToken);
        await SpanCollector.WaitUntilAsync(() => spans.ProcessedOrderIds().Distinct().Count() >= 300, Timeout, "300 processed orders");
        await second.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(GeneratedOrderIds().Order(), spans.ProcessedOrderIds().Order());
    }

    [Fact]
    public async Task Kafka_ProcessorsJoiningMidRun_ProcessEveryOrderExactlyOnce()
    {
        await using var first = await OrderSampleRuns.StartProcessorAsync(Configuration(concurrency: 4, processingSeconds: "0.05"));
        Assert.Equal(0, (await OrderSampleRuns.GenerateAsync(300, OrderTransport.Kafka, Configuration())).Exit);
        await SpanCollector.WaitUntilAsync(() => spans.ProcessedOrderIds().Count >= 40, Timeout, "40 processed orders");
        await using var second = await OrderSampleRuns.StartProcessorAsync(Configuration(concurrency: 4, processingSeconds: "0.05"));
        await SpanCollector.WaitUntilAsync(() => spans.ProcessedOrderIds().Count >= 100, Timeout, "100 processed orders");
        await using var third = await OrderSampleRuns.StartProcessorAsync(Configuration(concurrency: 4, processingSeconds: "0.05"));
        await SpanCollector.WaitUntilAsync(() => spans.ProcessedOrderIds().Distinct().Count() >= 300, Timeout, "300 processed orders");
        await third.StopAsync(TestContext.Current.CancellationToken);
        await second.StopAsync(TestContext.Current.CancellationToken);
        await first.StopAsync(TestContext.Current.CancellationToken);

        // Scale-out and scale-in on the consumer group protocol: every order once (the classic protocol processed
        // 552 of 300 here, librdkafka's mock cluster refusing commits while the whole group rebalanced).
        Assert.Equal(GeneratedOrderIds().Order(), spans.ProcessedOrderIds().Order());
    }

    [Fact]
    public async Task Kafka_ProcessorKilledMidRun_LosesNothing()
    {
        using var killed = OrderSampleRuns.StartProcessorProcess(Configuration(concurrency: 4, processingSeconds: "0.05"));
        Assert.Equal(0, (await OrderSampleRuns.GenerateAsync(300, OrderTransport.Kafka, Configuration())).Exit);
        await SpanCollector.WaitUntilAsync(() => killed.Processed.Count >= 40, Timeout, "the processor process to process 40 orders\n" + killed.Output);
        await killed.KillAsync();
        var beforeKill = killed.Processed;

        await using var survivor = await OrderSampleRuns.StartProcessorAsync(Configuration(concurrency: 8));
        var generated = GeneratedOrderIds();
        await SpanCollector.WaitUntilAsync(() => generated.All(beforeKill.Concat(spans.ProcessedOrderIds()).ToHashSet().Contains), Timeout,
            "every generated order to be processed by one of the processors");
        await survivor.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(300, generated.Count);
        Assert.InRange(beforeKill.Count, 40, 299);
    }

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
    public async Task Kafka_OneOrdersTrace_HoldsTheGeneratorsAndTheProcessorsSpans()
    {
        Assert.Equal(0, (await OrderSampleRuns.GenerateAsync(1, OrderTransport.Kafka, Configuration())).Exit);
        await using var processor = await OrderSampleRuns.StartProcessorAsync(Configuration());
        await SpanCollector.WaitUntilAsync(() => spans.ProcessedOrderIds().Count == 1, Timeout, "the order to be processed");

        var create = Assert.Single(spans.Spans, s => s.Source.Name == OrderTelemetry.GeneratorSourceName);
        var trace = spans.Spans.Where(s => s.TraceId == create.TraceId).ToList();
        Assert.Equal(ActivityKind.Producer, create.Kind);
        Assert.Contains(trace, s => s.DisplayName == "send orders" && s.Kind == ActivityKind.Producer && s.ParentSpanId == create.SpanId);
        var consume = Assert.Single(trace, s => s.DisplayName == "process orders" && s.Kind == ActivityKind.Consumer);
        var order = Assert.Single(trace, s => s.Source.Name == OrderTelemetry.ProcessorSourceName);
        Assert.Equal(consume.SpanId, order.ParentSpanId);
        Assert.Equal(create.GetTagItem("order.id"), order.GetTagItem("order.id"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_kafka is not null)
        {
            await _kafka.DisposeAsync();
        }
    }

    private List<string> GeneratedOrderIds() =>
        spans.Spans.Where(s => s.Source.Name == OrderTelemetry.GeneratorSourceName).Select(s => (string)s.GetTagItem("order.id")!).ToList();

    private static string Header(ConsumeResult<string, byte[]> record, string name) =>
        record.Message.Headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : "";

    private Dictionary<string, string?> Configuration(int concurrency = 4, string processingSeconds = "0.01") => new()
    {
        ["ConnectionStrings:kafka"] = _kafka!.BootstrapServers,
        ["OrderProcessor:Transport"] = "kafka",
        ["OrderProcessor:ProcessingTime"] = processingSeconds,
        ["OrderProcessor:Concurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
