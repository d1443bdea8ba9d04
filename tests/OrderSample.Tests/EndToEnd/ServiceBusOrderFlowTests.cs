using System.Diagnostics;
using Azure.Messaging.ServiceBus;
using LocalServiceBus;
using LocalServiceBus.Config;
using OrderContracts;
using OrderProcessor.ServiceBus;

namespace OrderSample.Tests.EndToEnd;

/// <summary>Generator → LocalServiceBus (queue "orders") → processor, with the real Azure.Messaging.ServiceBus SDK.</summary>
[Collection(OrderFlowCollection.Name)]
public sealed class ServiceBusOrderFlowTests(SpanCollector spans) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    // A short lock so the orders a killed processor held come back soon.
    private const string Config = """
        {"UserConfig":{"Namespaces":[{"Name":"sbemulatorns","Queues":[{"Name":"orders","Properties":{
          "DeadLetteringOnMessageExpiration":false,"DefaultMessageTimeToLive":"PT1H","DuplicateDetectionHistoryTimeWindow":"PT20S",
          "ForwardDeadLetteredMessagesTo":"","ForwardTo":"","LockDuration":"PT5S","MaxDeliveryCount":10,
          "RequiresDuplicateDetection":false,"RequiresSession":false}}],"Topics":[]}],"Logging":{"Type":"Console"}}}
        """;

    private LocalServiceBusServer? _broker;

    public async ValueTask InitializeAsync()
    {
        spans.Clear();
        _broker = await LocalServiceBusServer.StartAsync(
            new LocalServiceBusOptions { Config = EmulatorConfig.Parse(Config), AmqpPort = 0, HttpPort = 0 },
            cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ServiceBus_300Orders_EveryOneProcessedExactlyOnce()
    {
        var (exit, output) = await OrderSampleRuns.GenerateAsync(300, OrderTransport.ServiceBus, Configuration());
        Assert.Equal(0, exit);
        Assert.Contains("Queued 300 of 300 orders on Service Bus queue 'orders'", output, StringComparison.Ordinal);

        await using (var processor = await OrderSampleRuns.StartProcessorAsync(Configuration(concurrency: 8)))
        {
            await SpanCollector.WaitUntilAsync(() => spans.ProcessedOrderIds().Distinct().Count() >= 300, Timeout, "300 processed orders");
            await processor.StopAsync(TestContext.Current.CancellationToken);
        }

        var processed = spans.ProcessedOrderIds();
        Assert.Equal(GeneratedOrderIds().Order(), processed.Order());
    }

    [Fact]
    public async Task ServiceBus_ProcessorStoppedMidRun_NoOrderLostNoneProcessedTwice()
    {
        await using var first = await OrderSampleRuns.StartProcessorAsync(Configuration(concurrency: 2, processingSeconds: "0.05"));
        await using var second = await OrderSampleRuns.StartProcessorAsync(Configuration(concurrency: 2, processingSeconds: "0.05"));
        Assert.Equal(0, (await OrderSampleRuns.GenerateAsync(300, OrderTransport.ServiceBus, Configuration())).Exit);

        await SpanCollector.WaitUntilAsync(() => spans.ProcessedOrderIds().Count >= 60, Timeout, "60 processed orders");
        await first.StopAsync(TestContext.Current.CancellationToken);
        await SpanCollector.WaitUntilAsync(() => spans.ProcessedOrderIds().Distinct().Count() >= 300, Timeout, "300 processed orders");
        await second.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(GeneratedOrderIds().Order(), spans.ProcessedOrderIds().Order());
    }

    [Fact]
    public async Task ServiceBus_ProcessorKilledMidRun_LosesNothing()
    {
        using var killed = OrderSampleRuns.StartProcessorProcess(Configuration(concurrency: 4, processingSeconds: "0.05"));
        Assert.Equal(0, (await OrderSampleRuns.GenerateAsync(300, OrderTransport.ServiceBus, Configuration())).Exit);
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
    public async Task ServiceBus_PoisonOrder_LandsInTheDeadLetterQueueWithItsReason()
    {
        await using var client = new ServiceBusClient(_broker!.ConnectionString);
        await using (var sender = client.CreateSender(OrderDefaults.QueueName))
        {
            await sender.SendMessageAsync(new ServiceBusMessage("not json") { MessageId = "poison-1" }, TestContext.Current.CancellationToken);
        }

        await using var processor = await OrderSampleRuns.StartProcessorAsync(Configuration());
        await using var deadLetters = client.CreateReceiver(OrderDefaults.QueueName, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var deadLetter = await deadLetters.ReceiveMessageAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

        Assert.NotNull(deadLetter);
        Assert.Equal("poison-1", deadLetter.MessageId);
        Assert.Equal(ServiceBusOrderWorker.InvalidOrderReason, deadLetter.DeadLetterReason);
        Assert.StartsWith("the body is not an order", deadLetter.DeadLetterErrorDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceBus_OneOrdersTrace_HoldsTheGeneratorsAndTheProcessorsSpans()
    {
        Assert.Equal(0, (await OrderSampleRuns.GenerateAsync(1, OrderTransport.ServiceBus, Configuration())).Exit);
        await using var processor = await OrderSampleRuns.StartProcessorAsync(Configuration());
        await SpanCollector.WaitUntilAsync(() => spans.ProcessedOrderIds().Count == 1, Timeout, "the order to be processed");

        var create = Assert.Single(spans.Spans, s => s.Source.Name == OrderTelemetry.GeneratorSourceName);
        var order = Assert.Single(spans.Spans, s => s.Source.Name == OrderTelemetry.ProcessorSourceName);
        Assert.Equal(ActivityKind.Producer, create.Kind);
        Assert.Equal(ActivityKind.Consumer, order.Kind);
        Assert.Equal(create.TraceId, order.TraceId);
        Assert.Equal(create.SpanId, order.ParentSpanId);
        Assert.Equal(create.GetTagItem("order.id"), order.GetTagItem("order.id"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }

    private List<string> GeneratedOrderIds() =>
        spans.Spans.Where(s => s.Source.Name == OrderTelemetry.GeneratorSourceName).Select(s => (string)s.GetTagItem("order.id")!).ToList();

    private Dictionary<string, string?> Configuration(int concurrency = 4, string processingSeconds = "0.01") => new()
    {
        ["ConnectionStrings:servicebus"] = _broker!.ConnectionString,
        ["OrderProcessor:Transport"] = "servicebus",
        ["OrderProcessor:ProcessingTime"] = processingSeconds,
        ["OrderProcessor:Concurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
