using System.Diagnostics;
using Azure.Messaging.ServiceBus;
using LocalServiceBus.Tests.Support;

namespace LocalServiceBus.Tests;

/// <summary>
/// Messages/s through the local broker with the SDK (docs/benchmarks.md). Explicit: it measures, asserts nothing about
/// time, and only runs when asked (<c>-- --explicit only</c>).
/// </summary>
public sealed class ThroughputBenchmark
{
    private const int Messages = 5000;

    [Fact(Explicit = true)]
    public async Task SendBatchesThenProcess_ReportsMessagesPerSecond()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LocalBrokerTarget.StartServerAsync();
        await using var client = new ServiceBusClient(server.ConnectionString);
        await using var sender = client.CreateSender("orders");
        var body = new BinaryData(new byte[256]);

        var send = Stopwatch.StartNew();
        for (var sent = 0; sent < Messages; sent += 100)
        {
            await sender.SendMessagesAsync(Enumerable.Range(0, 100).Select(_ => new ServiceBusMessage(body)), ct);
        }

        send.Stop();
        var single = Stopwatch.StartNew();
        for (var i = 0; i < 500; i++)
        {
            await sender.SendMessageAsync(new ServiceBusMessage(body), ct);
        }

        single.Stop();
        var total = Messages + 500;
        var done = 0;
        var all = new TaskCompletionSource();
        await using var processor = client.CreateProcessor("orders", new ServiceBusProcessorOptions { MaxConcurrentCalls = 8, PrefetchCount = 100 });
        processor.ProcessMessageAsync += _ =>
        {
            if (Interlocked.Increment(ref done) == total)
            {
                all.TrySetResult();
            }

            return Task.CompletedTask;
        };
        processor.ProcessErrorAsync += _ => Task.CompletedTask;
        var process = Stopwatch.StartNew();
        await processor.StartProcessingAsync(ct);
        await all.Task.WaitAsync(TimeSpan.FromMinutes(5), ct);
        process.Stop();
        await processor.StopProcessingAsync(ct);

        var line =
            $"batch send: {Messages / send.Elapsed.TotalSeconds:0} msg/s; single send: {500 / single.Elapsed.TotalSeconds:0} msg/s; " +
            $"processor (8 concurrent, prefetch 100, auto-complete): {total / process.Elapsed.TotalSeconds:0} msg/s";
        TestContext.Current.TestOutputHelper!.WriteLine(line);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "local-servicebus-throughput.txt"), line, ct);
        Assert.Equal(total, done);
    }
}
