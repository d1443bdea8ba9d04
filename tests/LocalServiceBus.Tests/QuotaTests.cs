using Azure.Messaging.ServiceBus;
using LocalServiceBus.Tests.Support;

namespace LocalServiceBus.Tests;

/// <summary>The emulator's quotas that matter locally: connections per namespace and message size.</summary>
public sealed class QuotaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConnectionBeyondTheQuota_IsRefused_WhileTheOthersKeepWorking()
    {
        await using var server = await LocalBrokerTarget.StartServerAsync(o => o.MaxConnections = 2);
        var options = new ServiceBusClientOptions { RetryOptions = new ServiceBusRetryOptions { MaxRetries = 0, TryTimeout = TimeSpan.FromSeconds(10) } };
        await using var first = new ServiceBusClient(server.ConnectionString, options);
        await using var second = new ServiceBusClient(server.ConnectionString, options);
        await using var third = new ServiceBusClient(server.ConnectionString, options);
        await first.CreateSender("orders").SendMessageAsync(new ServiceBusMessage("1"), Ct);
        await second.CreateSender("orders").SendMessageAsync(new ServiceBusMessage("2"), Ct);

        await Assert.ThrowsAnyAsync<Exception>(() => third.CreateSender("orders").SendMessageAsync(new ServiceBusMessage("3"), Ct));

        Assert.Equal(2, server.Namespace.FindQueue("orders")!.Counts().Active);
    }

    [Fact]
    public async Task MessageLargerThan256KiB_IsRefused()
    {
        await using var server = await LocalBrokerTarget.StartServerAsync();
        await using var client = new ServiceBusClient(server.ConnectionString);
        await using var sender = client.CreateSender("orders");

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => sender.SendMessageAsync(new ServiceBusMessage(new byte[300 * 1024]), Ct));

        Assert.Equal(ServiceBusFailureReason.MessageSizeExceeded, error.Reason);
        Assert.Equal(0, server.Namespace.FindQueue("orders")!.Counts().Active);
    }
}
