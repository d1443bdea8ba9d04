using System.Diagnostics;
using OrderContracts;

namespace OrderSample.Tests.EndToEnd;

/// <summary>
/// Generator → broker → processor with the real clients: the flows every transport keeps (every order processed once,
/// nothing lost when a processor stops or is killed mid-run, one trace per order). A test class per transport starts its
/// broker and names its tests for the behaviour they show.
/// </summary>
public abstract class OrderFlowTests(SpanCollector spans)
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    protected SpanCollector Spans => spans;

    protected abstract OrderTransport Transport { get; }

    /// <summary>The name of the broker's connection string and of the processor's transport setting ("kafka", "servicebus").</summary>
    protected abstract string ConnectionName { get; }

    protected abstract string ConnectionString { get; }

    /// <summary>Generates 300 orders (the generator saying it queued them <paramref name="on"/>), then processes them with one processor.</summary>
    protected async Task ThreeHundredOrders_EveryOneProcessedExactlyOnceAsync(string on)
    {
        var (exit, output) = await OrderSampleRuns.GenerateAsync(300, Transport, Configuration());
        Assert.Equal(0, exit);
        Assert.Contains($"Queued 300 of 300 orders on {on}", output, StringComparison.Ordinal);

        await using (var processor = await OrderSampleRuns.StartProcessorAsync(Configuration(concurrency: 8)))
        {
            await SpanCollector.WaitUntilAsync(() => spans.ProcessedOrderIds().Distinct().Count() >= 300, Timeout, "300 processed orders");
            await processor.StopAsync(TestContext.Current.CancellationToken);
        }

        var processed = spans.ProcessedOrderIds();
        Assert.Equal(300, processed.Count);
        Assert.Equal(GeneratedOrderIds().Order(), processed.Order());
    }

    /// <summary>Two processors share 300 orders; one stops gracefully after 60: every order is processed once.</summary>
    protected async Task ProcessorStoppedMidRun_EveryOrderProcessedOnceAsync()
    {
        await using var first = await OrderSampleRuns.StartProcessorAsync(Configuration(concurrency: 2, processingSeconds: "0.05"));
        await using var second = await OrderSampleRuns.StartProcessorAsync(Configuration(concurrency: 2, processingSeconds: "0.05"));
        Assert.Equal(0, (await OrderSampleRuns.GenerateAsync(300, Transport, Configuration())).Exit);

        await SpanCollector.WaitUntilAsync(() => spans.ProcessedOrderIds().Count >= 60, Timeout, "60 processed orders");
        await first.StopAsync(TestContext.Current.CancellationToken);
        await SpanCollector.WaitUntilAsync(() => spans.ProcessedOrderIds().Distinct().Count() >= 300, Timeout, "300 processed orders");
        await second.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(GeneratedOrderIds().Order(), spans.ProcessedOrderIds().Order());
    }

    /// <summary>A processor process is killed after 40 of 300 orders; a survivor processes every order it had not.</summary>
    protected async Task ProcessorKilledMidRun_LosesNothingAsync()
    {
        using var killed = OrderSampleRuns.StartProcessorProcess(Configuration(concurrency: 4, processingSeconds: "0.05"));
        Assert.Equal(0, (await OrderSampleRuns.GenerateAsync(300, Transport, Configuration())).Exit);
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

    /// <summary>Generates one order and processes it; <paramref name="assertTrace"/> checks the spans, given the generator's span of the order.</summary>
    protected async Task OneOrder_TraceAsync(Action<Activity> assertTrace)
    {
        Assert.Equal(0, (await OrderSampleRuns.GenerateAsync(1, Transport, Configuration())).Exit);
        await using var processor = await OrderSampleRuns.StartProcessorAsync(Configuration());
        await SpanCollector.WaitUntilAsync(() => spans.ProcessedOrderIds().Count == 1, Timeout, "the order to be processed");

        assertTrace(Assert.Single(spans.Spans, s => s.Source.Name == OrderTelemetry.GeneratorSourceName));
    }

    protected List<string> GeneratedOrderIds() =>
        spans.Spans.Where(s => s.Source.Name == OrderTelemetry.GeneratorSourceName).Select(s => (string)s.GetTagItem("order.id")!).ToList();

    protected Dictionary<string, string?> Configuration(int concurrency = 4, string processingSeconds = "0.01") => new()
    {
        [$"ConnectionStrings:{ConnectionName}"] = ConnectionString,
        ["OrderProcessor:Transport"] = ConnectionName,
        ["OrderProcessor:ProcessingTime"] = processingSeconds,
        ["OrderProcessor:Concurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
