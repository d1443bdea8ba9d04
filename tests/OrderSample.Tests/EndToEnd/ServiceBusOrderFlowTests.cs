using System.Diagnostics;
using Azure.Messaging.ServiceBus;
using LocalServiceBus;
using LocalServiceBus.Config;
using OrderContracts;
using OrderProcessor.ServiceBus;

namespace OrderSample.Tests.EndToEnd;

/// <summary>Generator → LocalServiceBus (queue "orders") → processor, with the real Azure.Messaging.ServiceBus SDK.</summary>
[Collection(OrderFlowCollection.Name)]
public sealed class ServiceBusOrderFlowTests(SpanCollector spans) : OrderFlowTests(spans), IAsyncLifetime
{
    // A short lock so the orders a killed processor held come back soon.
    private const string Config = """
        {"UserConfig":{"Namespaces":[{"Name":"sbemulatorns","Queues":[{"Name":"orders","Properties":{
          "DeadLetteringOnMessageExpiration":false,"DefaultMessageTimeToLive":"PT1H","DuplicateDetectionHistoryTimeWindow":"PT20S",
          "ForwardDeadLetteredMessagesTo":"","ForwardTo":"","LockDuration":"PT5S","MaxDeliveryCount":10,
          "RequiresDuplicateDetection":false,"RequiresSession":false}}],"Topics":[]}],"Logging":{"Type":"Console"}}}
        """;

    private LocalServiceBusServer? _broker;

    protected override OrderTransport Transport => OrderTransport.ServiceBus;

    protected override string ConnectionName => "servicebus";

    protected override string ConnectionString => _broker!.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        Spans.Clear();
        _broker = await LocalServiceBusServer.StartAsync(
            new LocalServiceBusOptions { Config = EmulatorConfig.Parse(Config), AmqpPort = 0, HttpPort = 0 },
            cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public Task ServiceBus_300Orders_EveryOneProcessedExactlyOnce() => ThreeHundredOrders_EveryOneProcessedExactlyOnceAsync("Service Bus queue 'orders'");

    [Fact]
    public Task ServiceBus_ProcessorStoppedMidRun_NoOrderLostNoneProcessedTwice() => ProcessorStoppedMidRun_EveryOrderProcessedOnceAsync();

    [Fact]
    public Task ServiceBus_ProcessorKilledMidRun_LosesNothing() => ProcessorKilledMidRun_LosesNothingAsync();

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
    public Task ServiceBus_OneOrdersTrace_HoldsTheGeneratorsAndTheProcessorsSpans() => OneOrder_TraceAsync(create =>
    {
        var order = Assert.Single(Spans.Spans, s => s.Source.Name == OrderTelemetry.ProcessorSourceName);
        Assert.Equal(ActivityKind.Producer, create.Kind);
        Assert.Equal(ActivityKind.Consumer, order.Kind);
        Assert.Equal(create.TraceId, order.TraceId);
        Assert.Equal(create.SpanId, order.ParentSpanId);
        Assert.Equal(create.GetTagItem("order.id"), order.GetTagItem("order.id"));
    });

    public async ValueTask DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }
}
