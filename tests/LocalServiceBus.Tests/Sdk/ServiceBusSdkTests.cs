using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using LocalServiceBus.Tests.Support;

namespace LocalServiceBus.Tests.Sdk;

/// <summary>
/// What the unmodified Azure.Messaging.ServiceBus SDK does against a Service Bus; the same tests run against the
/// local broker and, where Docker answers, the emulator container. Each test makes its own queue.
/// </summary>
public abstract partial class ServiceBusSdkTests(IServiceBusTarget target) : IAsyncLifetime
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly List<IAsyncDisposable> _owned = [];

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected ServiceBusClient Client { get; private set; } = null!;

    protected ServiceBusAdministrationClient Admin { get; private set; } = null!;

    public virtual ValueTask InitializeAsync()
    {
        Client = new ServiceBusClient(target.ConnectionString, new ServiceBusClientOptions
        {
            RetryOptions = new ServiceBusRetryOptions { TryTimeout = TimeSpan.FromSeconds(10), MaxRetries = 3, Delay = TimeSpan.FromMilliseconds(200) },
        });
        Admin = new ServiceBusAdministrationClient(target.AdministrationConnectionString);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }

        await Client.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected async Task<string> NewQueueAsync(int maxDeliveryCount = 3, int lockSeconds = 5)
    {
        var name = Names.Unique("q");
        await Admin.CreateQueueAsync(new CreateQueueOptions(name)
        {
            LockDuration = TimeSpan.FromSeconds(lockSeconds),
            MaxDeliveryCount = maxDeliveryCount,
            DefaultMessageTimeToLive = TimeSpan.FromHours(1),
        }, Ct);
        return name;
    }

    protected T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    [Fact]
    public async Task SentMessage_IsReceivedWithBodyAndProperties_AndCompleteRemovesIt()
    {
        var queue = await NewQueueAsync();
        var sender = Own(Client.CreateSender(queue));
        var receiver = Own(Client.CreateReceiver(queue));
        var message = new ServiceBusMessage("{\"id\":1}") { MessageId = "m-1", ContentType = "application/json", Subject = "order" };
        message.ApplicationProperties["tenant"] = "contoso";
        await sender.SendMessageAsync(message, Ct);

        var received = await receiver.ReceiveMessageAsync(Patience, Ct);

        Assert.NotNull(received);
        Assert.Equal("{\"id\":1}", received.Body.ToString());
        Assert.Equal("m-1", received.MessageId);
        Assert.Equal("order", received.Subject);
        Assert.Equal("contoso", received.ApplicationProperties["tenant"]);
        Assert.Equal(1, received.DeliveryCount);
        Assert.NotEqual(default, received.LockToken);
        Assert.True(received.LockedUntil > DateTimeOffset.UnixEpoch);
        await receiver.CompleteMessageAsync(received, Ct);
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(1), Ct));
    }

    [Fact]
    public async Task BatchSend_DeliversEveryMessage_InOrder()
    {
        var queue = await NewQueueAsync();
        var sender = Own(Client.CreateSender(queue));
        using var batch = await sender.CreateMessageBatchAsync(Ct);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(batch.TryAddMessage(new ServiceBusMessage($"m{i}")));
        }

        await sender.SendMessagesAsync(batch, Ct);
        await sender.SendMessagesAsync([new ServiceBusMessage("m10"), new ServiceBusMessage("m11")], Ct);
        var receiver = Own(Client.CreateReceiver(queue, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete }));

        var bodies = new List<string>();
        while (bodies.Count < 12)
        {
            var got = await receiver.ReceiveMessagesAsync(12 - bodies.Count, Patience, Ct);
            Assert.NotEmpty(got);
            bodies.AddRange(got.Select(m => m.Body.ToString()));
        }

        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"m{i}"), bodies);
    }

    [Fact]
    public async Task Abandon_RedeliversTheMessage_WithDeliveryCountIncreased()
    {
        var queue = await NewQueueAsync();
        await using var sender = Client.CreateSender(queue);
        var receiver = Own(Client.CreateReceiver(queue));
        await sender.SendMessageAsync(new ServiceBusMessage("retry me"), Ct);

        var first = await receiver.ReceiveMessageAsync(Patience, Ct);
        await receiver.AbandonMessageAsync(first, new Dictionary<string, object> { ["attempt"] = 1 }, Ct);
        var second = await receiver.ReceiveMessageAsync(Patience, Ct);

        Assert.Equal(1, first.DeliveryCount);
        Assert.Equal(2, second.DeliveryCount);
        Assert.Equal(first.SequenceNumber, second.SequenceNumber);
        Assert.Equal(1, second.ApplicationProperties["attempt"]);
    }

    [Fact]
    public async Task AbandonedMaxDeliveryCountTimes_GoesToTheDeadLetterQueue_WithTheReason()
    {
        var queue = await NewQueueAsync(maxDeliveryCount: 2);
        await using var sender = Client.CreateSender(queue);
        var receiver = Own(Client.CreateReceiver(queue));
        await sender.SendMessageAsync(new ServiceBusMessage("poison") { MessageId = "poison-1" }, Ct);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var m = await receiver.ReceiveMessageAsync(Patience, Ct);
            Assert.NotNull(m);
            await receiver.AbandonMessageAsync(m, cancellationToken: Ct);
        }

        var deadLetters = Own(Client.CreateReceiver(queue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter }));
        var dead = await deadLetters.ReceiveMessageAsync(Patience, Ct);

        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(1), Ct));
        Assert.NotNull(dead);
        Assert.Equal("poison-1", dead.MessageId);
        Assert.Equal("MaxDeliveryCountExceeded", dead.DeadLetterReason);
        await deadLetters.CompleteMessageAsync(dead, Ct);
    }

    [Fact]
    public async Task DeadLetterMessage_KeepsReasonAndDescription_InTheDeadLetterQueue()
    {
        var queue = await NewQueueAsync();
        await using var sender = Client.CreateSender(queue);
        var receiver = Own(Client.CreateReceiver(queue));
        await sender.SendMessageAsync(new ServiceBusMessage("bad"), Ct);
        var m = await receiver.ReceiveMessageAsync(Patience, Ct);

        await receiver.DeadLetterMessageAsync(m, "Unparseable", "body is not an order", Ct);
        var dead = await Own(Client.CreateReceiver(queue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter }))
            .ReceiveMessageAsync(Patience, Ct);

        Assert.Equal("Unparseable", dead.DeadLetterReason);
        Assert.Equal("body is not an order", dead.DeadLetterErrorDescription);
    }

    [Fact]
    public async Task ExpiredLock_RedeliversTheMessage_AndCompletingWithTheOldLockFails()
    {
        var queue = await NewQueueAsync(lockSeconds: 5);
        await using var sender = Client.CreateSender(queue);
        var receiver = Own(Client.CreateReceiver(queue));
        await sender.SendMessageAsync(new ServiceBusMessage("slow"), Ct);
        var first = await receiver.ReceiveMessageAsync(Patience, Ct);

        var second = await receiver.ReceiveMessageAsync(Patience, Ct);

        Assert.NotNull(second);
        Assert.Equal(2, second.DeliveryCount);
        var lost = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.CompleteMessageAsync(first, Ct));
        Assert.Equal(ServiceBusFailureReason.MessageLockLost, lost.Reason);
        await receiver.CompleteMessageAsync(second, Ct);
    }

    [Fact]
    public async Task RenewLock_ExtendsTheLock_SoTheMessageIsNotRedelivered()
    {
        var queue = await NewQueueAsync(lockSeconds: 5);
        await using var sender = Client.CreateSender(queue);
        var receiver = Own(Client.CreateReceiver(queue));
        await sender.SendMessageAsync(new ServiceBusMessage("long job"), Ct);
        var m = await receiver.ReceiveMessageAsync(Patience, Ct);
        var lockedUntil = m.LockedUntil;

        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), Ct);
            await receiver.RenewMessageLockAsync(m, Ct);
        }

        Assert.True(m.LockedUntil > lockedUntil);
        await receiver.CompleteMessageAsync(m, Ct);
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(1), Ct));
    }
}
