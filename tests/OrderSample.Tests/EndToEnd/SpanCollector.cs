using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;
using OrderContracts;
using ServiceDefaults.Messaging;

namespace OrderSample.Tests.EndToEnd;

/// <summary>An in-memory OpenTelemetry span collector for the generator's, the processor's and the SDKs' spans.</summary>
public sealed class SpanCollector : IDisposable
{
    private readonly List<Activity> _spans = [];
    private readonly TracerProvider _provider;

    public SpanCollector()
    {
        _provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(OrderTelemetry.GeneratorSourceName, OrderTelemetry.ProcessorSourceName, KafkaTracing.ActivitySourceName, "Azure.Messaging.ServiceBus.*")
            .AddProcessor(new Collecting(this))
            .Build()!;
    }

    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (_spans)
            {
                return _spans.ToList();
            }
        }
    }

    public void Clear()
    {
        lock (_spans)
        {
            _spans.Clear();
        }
    }

    /// <summary>The processor's finished order spans, by order id (one entry per time an order was processed).</summary>
    public IReadOnlyList<string> ProcessedOrderIds() =>
        Spans.Where(s => s.Source.Name == OrderTelemetry.ProcessorSourceName && s.Status != ActivityStatusCode.Error)
            .Select(s => (string)s.GetTagItem("order.id")!)
            .ToList();

    /// <summary>Polls until <paramref name="done"/> holds or the (generous) timeout passes.</summary>
    public static async Task WaitUntilAsync(Func<bool> done, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!done())
        {
            if (deadline.Elapsed > timeout)
            {
                Assert.Fail($"timed out after {timeout.TotalSeconds:0} s waiting for {what}");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public void Dispose() => _provider.Dispose();

    private void Add(Activity span)
    {
        lock (_spans)
        {
            _spans.Add(span);
        }
    }

    /// <summary>Keeps every ended span (the stock in-memory exporter's list is not safe to read while spans end).</summary>
    private sealed class Collecting(SpanCollector collector) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => collector.Add(data);
    }
}
