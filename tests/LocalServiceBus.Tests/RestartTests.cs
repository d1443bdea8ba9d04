using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;
using LocalServiceBus.Tests.Support;

namespace LocalServiceBus.Tests;

/// <summary>The broker's listeners restarted mid-run: the SDK's processor reconnects and completed messages stay gone.</summary>
public sealed class RestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BrokerRestart_ProcessorReconnects_AndNoCompletedMessageComesBack()
    {
        await using var server = await LocalBrokerTarget.StartServerAsync();
        await using var client = new ServiceBusClient(server.ConnectionString, new ServiceBusClientOptions
        {
            RetryOptions = new ServiceBusRetryOptions { Delay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1), MaxRetries = 10, TryTimeout = TimeSpan.FromSeconds(5) },
        });
        var seen = new ConcurrentBag<string>();
        await using var processor = client.CreateProcessor("orders");
        processor.ProcessMessageAsync += args =>
        {
            seen.Add(args.Message.MessageId);
            return Task.CompletedTask;
        };
        processor.ProcessErrorAsync += _ => Task.CompletedTask;
        await processor.StartProcessingAsync(Ct);
        await using (var sender = client.CreateSender("orders"))
        {
            await sender.SendMessagesAsync(Enumerable.Range(0, 5).Select(i => new ServiceBusMessage($"before {i}") { MessageId = $"before-{i}" }), Ct);
        }

        await WaitUntil(() => seen.Count >= 5);
        await WaitUntil(() => server.Namespace.FindQueue("orders")!.Counts().Active == 0);

        await server.StopAsync();
        await server.StartAsync(Ct);
        await using (var sender = client.CreateSender("orders"))
        {
            await sender.SendMessagesAsync(Enumerable.Range(0, 5).Select(i => new ServiceBusMessage($"after {i}") { MessageId = $"after-{i}" }), Ct);
        }

        await WaitUntil(() => seen.Count(id => id.StartsWith("after", StringComparison.Ordinal)) >= 5);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        await processor.StopProcessingAsync(Ct);

        Assert.All(seen.GroupBy(id => id), g => Assert.Single(g));
        Assert.Equal(10, seen.Count);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 60 s");
            await Task.Delay(50, Ct);
        }
    }
}
