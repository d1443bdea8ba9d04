using System.Diagnostics;
using Azure.Messaging.ServiceBus;
using Operator.Scalers;
using Operator.Scalers.AzureServiceBus;
using ServiceDefaults.Messaging;

namespace Operator.Tests.Scalers.AzureServiceBus;

/// <summary>
/// The azure-servicebus scaler's trace context of the waiting messages, peeked through the real SDK from the local
/// Service Bus with the trigger's emulator-style management connection (as in the sample).
/// </summary>
public sealed class ServiceBusTraceLinkTests(LocalServiceBusFixture bus) : IClassFixture<LocalServiceBusFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WaitingMessages_GiveTheirTraceContext_FromTraceparentOrDiagnosticId()
    {
        var queue = bus.NewQueue("linked-orders");
        var first = NewContext();
        var second = NewContext();
        await using (var sender = bus.Client.CreateSender(queue))
        {
            await sender.SendMessageAsync(Traced(new ServiceBusMessage("a"), first), Ct);
            await sender.SendMessageAsync(new ServiceBusMessage("untraced"), Ct);
            var diagnostic = new ServiceBusMessage("b");
            diagnostic.ApplicationProperties[MessageTraceContext.DiagnosticIdProperty] = $"00-{second.TraceId}-{second.SpanId}-01";
            await sender.SendMessageAsync(diagnostic, Ct);
        }

        await using var scaler = Build(queue);

        var contexts = await scaler.ReadWaitingTraceContextsAsync(5, Ct);

        Assert.Equal([first.TraceId, second.TraceId], contexts.Select(c => c.TraceId));
        Assert.Equal([first.SpanId, second.SpanId], contexts.Select(c => c.SpanId));
    }

    [Fact]
    public async Task Peeking_LeavesTheMessagesUnlockedAndUndelivered()
    {
        var queue = bus.NewQueue("peeked-orders");
        await using (var sender = bus.Client.CreateSender(queue))
        {
            await sender.SendMessagesAsync([Traced(new ServiceBusMessage("a"), NewContext()), Traced(new ServiceBusMessage("b"), NewContext())], Ct);
        }

        await using var scaler = Build(queue);
        var peeked = await scaler.ReadWaitingTraceContextsAsync(5, Ct);

        await using var receiver = bus.Client.CreateReceiver(queue);
        var received = await receiver.ReceiveMessagesAsync(2, TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(2, peeked.Count);
        Assert.Equal(["a", "b"], received.Select(m => m.Body.ToString()));
        Assert.All(received, m => Assert.Equal(1, m.DeliveryCount));
    }

    [Fact]
    public async Task AtMostTheAskedNumberOfContexts_AreRead()
    {
        var queue = bus.NewQueue("many-orders");
        await using (var sender = bus.Client.CreateSender(queue))
        {
            await sender.SendMessagesAsync(Enumerable.Range(0, 4).Select(i => Traced(new ServiceBusMessage($"m{i}"), NewContext())), Ct);
        }

        await using var scaler = Build(queue);

        var contexts = await scaler.ReadWaitingTraceContextsAsync(2, Ct);

        Assert.Equal(2, contexts.Count);
    }

    internal static ActivityContext NewContext() => new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

    private static ServiceBusMessage Traced(ServiceBusMessage message, ActivityContext context)
    {
        MessageTraceContext.Inject(context, message.ApplicationProperties);
        return message;
    }

    private AzureServiceBusScaler Build(string queue)
    {
        var result = AzureServiceBusScaler.Build(
            new ScalerConfig
            {
                TriggerType = "azure-servicebus",
                TriggerMetadata = TestMaps.Parse($"queueName={queue}"),
                AuthParams = new Dictionary<string, string> { ["connection"] = bus.Server.AdministrationConnectionString },
            },
            ScalerServices.Default with { ServiceBusEmulatorAmqpPort = bus.Server.AmqpPort });
        Assert.True(result.IsSuccess, string.Join('\n', result.Errors));
        return (AzureServiceBusScaler)result.Scaler!;
    }
}
