using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace LocalServiceBus.Tests.Sdk;

public abstract partial class ServiceBusSdkTests
{
    [Fact]
    public async Task Processor_HandlesEveryMessage_AndCompletesThem()
    {
        var queue = await NewQueueAsync();
        await using var sender = Client.CreateSender(queue);
        await sender.SendMessagesAsync(Enumerable.Range(0, 20).Select(i => new ServiceBusMessage($"order {i}")), Ct);
        var seen = new ConcurrentDictionary<string, int>();
        var all = new TaskCompletionSource();
        await using var processor = Client.CreateProcessor(queue, new ServiceBusProcessorOptions { MaxConcurrentCalls = 4 });
        processor.ProcessMessageAsync += args =>
        {
            seen.AddOrUpdate(args.Message.Body.ToString(), 1, (_, n) => n + 1);
            if (seen.Count == 20)
            {
                all.TrySetResult();
            }

            return Task.CompletedTask;
        };
        processor.ProcessErrorAsync += _ => Task.CompletedTask;

        await processor.StartProcessingAsync(Ct);
        await all.Task.WaitAsync(Patience, Ct);
        await processor.StopProcessingAsync(Ct);

        Assert.All(seen.Values, n => Assert.Equal(1, n));
        var props = await Admin.GetQueueRuntimePropertiesAsync(queue, Ct);
        Assert.Equal(0, props.Value.ActiveMessageCount);
    }

    [Fact]
    public async Task Topic_FansOutToEverySubscriptionWhoseRuleMatches()
    {
        await using var sender = Client.CreateSender("events");
        var red = new ServiceBusMessage("red, small") { MessageId = "e1" };
        red.ApplicationProperties["color"] = "red";
        red.ApplicationProperties["amount"] = 5;
        var blue = new ServiceBusMessage("blue, large") { MessageId = "e2" };
        blue.ApplicationProperties["color"] = "blue";
        blue.ApplicationProperties["amount"] = 500;
        await sender.SendMessagesAsync([red, blue], Ct);

        async Task<string[]> Drain(string subscription)
        {
            var receiver = Own(Client.CreateReceiver("events", subscription, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete }));
            var ids = new List<string>();
            while (await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(2), Ct) is { } m)
            {
                ids.Add(m.MessageId);
            }

            return [.. ids];
        }

        var all = await Drain("all");
        var large = await Drain("large");
        Assert.Contains("e1", all);
        Assert.Contains("e2", all);
        Assert.Equal(["e1"], await Drain("red"));
        Assert.Contains("e2", large);
        Assert.DoesNotContain("e1", large);
    }

    [Fact]
    public async Task Peek_ReturnsMessagesWithoutLockingThem()
    {
        var queue = await NewQueueAsync();
        await using var sender = Client.CreateSender(queue);
        await sender.SendMessagesAsync([new ServiceBusMessage("a"), new ServiceBusMessage("b")], Ct);
        var receiver = Own(Client.CreateReceiver(queue));

        var peeked = await receiver.PeekMessagesAsync(10, cancellationToken: Ct);
        var received = await receiver.ReceiveMessageAsync(Patience, Ct);

        Assert.Equal(["a", "b"], peeked.Select(m => m.Body.ToString()));
        Assert.Equal("a", received.Body.ToString());
    }

    [Fact]
    public async Task DeferredMessage_IsOnlyReceivableBySequenceNumber()
    {
        var queue = await NewQueueAsync();
        await using var sender = Client.CreateSender(queue);
        var receiver = Own(Client.CreateReceiver(queue));
        await sender.SendMessageAsync(new ServiceBusMessage("later"), Ct);
        var m = await receiver.ReceiveMessageAsync(Patience, Ct);

        await receiver.DeferMessageAsync(m, cancellationToken: Ct);
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(1), Ct));
        var deferred = await receiver.ReceiveDeferredMessageAsync(m.SequenceNumber, Ct);
        await receiver.CompleteMessageAsync(deferred, Ct);

        Assert.Equal("later", deferred.Body.ToString());
        Assert.Equal(0, (await Admin.GetQueueRuntimePropertiesAsync(queue, Ct)).Value.TotalMessageCount);
    }

    [Fact]
    public async Task ScheduledMessage_IsCountedAsScheduled_AndArrivesAtItsTime()
    {
        var queue = await NewQueueAsync();
        await using var sender = Client.CreateSender(queue);
        var receiver = Own(Client.CreateReceiver(queue));
        var at = DateTimeOffset.UtcNow.AddSeconds(3);

        await sender.ScheduleMessageAsync(new ServiceBusMessage("on time"), at, Ct);
        var counts = (await Admin.GetQueueRuntimePropertiesAsync(queue, Ct)).Value;
        var received = await receiver.ReceiveMessageAsync(Patience, Ct);

        Assert.Equal(1, counts.ScheduledMessageCount);
        Assert.Equal(0, counts.ActiveMessageCount);
        Assert.NotNull(received);
        Assert.True(received.EnqueuedTime >= at.AddSeconds(-1));
    }

    [Fact]
    public async Task RuntimeProperties_CountActiveAndDeadLetteredMessages()
    {
        var queue = await NewQueueAsync();
        await using var sender = Client.CreateSender(queue);
        var receiver = Own(Client.CreateReceiver(queue));
        await sender.SendMessagesAsync(Enumerable.Range(0, 5).Select(i => new ServiceBusMessage($"{i}")), Ct);
        var one = await receiver.ReceiveMessageAsync(Patience, Ct);
        await receiver.CompleteMessageAsync(one, Ct);
        var two = await receiver.ReceiveMessageAsync(Patience, Ct);
        await receiver.DeadLetterMessageAsync(two, "test", "counted apart", Ct);

        var props = (await Admin.GetQueueRuntimePropertiesAsync(queue, Ct)).Value;

        Assert.Equal(queue, props.Name);
        Assert.Equal(3, props.ActiveMessageCount);
        Assert.Equal(1, props.DeadLetterMessageCount);
        Assert.Equal(4, props.TotalMessageCount);
    }

    [Fact]
    public async Task AdministrationClient_ListsCreatesAndDeletesQueues()
    {
        var queue = await NewQueueAsync(maxDeliveryCount: 7);

        var properties = (await Admin.GetQueueAsync(queue, Ct)).Value;
        var names = new List<string>();
        await foreach (var q in Admin.GetQueuesAsync(Ct))
        {
            names.Add(q.Name);
        }

        await Admin.DeleteQueueAsync(queue, Ct);

        Assert.Equal(7, properties.MaxDeliveryCount);
        Assert.Equal(TimeSpan.FromSeconds(5), properties.LockDuration);
        Assert.Contains(queue, names);
        Assert.Contains("orders", names);
        Assert.False((await Admin.QueueExistsAsync(queue, Ct)).Value);
    }

    [Fact]
    public async Task SubscriptionRuntimeProperties_CountTheSubscriptionsMessages()
    {
        await using var sender = Client.CreateSender("events");
        var message = new ServiceBusMessage("counted") { MessageId = "counted" };
        message.ApplicationProperties["amount"] = 1000;
        await sender.SendMessageAsync(message, Ct);

        var props = (await Admin.GetSubscriptionRuntimePropertiesAsync("events", "large", Ct)).Value;

        Assert.True(props.ActiveMessageCount >= 1);
        Assert.Equal("large", props.SubscriptionName);
        Assert.Equal("events", props.TopicName);
    }
}
