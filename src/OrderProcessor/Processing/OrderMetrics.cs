using System.Diagnostics.Metrics;
using OrderContracts;

namespace OrderProcessor.Processing;

/// <summary>
/// The processor's instruments. In Prometheus form they read <c>orders_processed_total</c>,
/// <c>orders_processing_duration_seconds</c> and <c>orders_in_flight</c>.
/// </summary>
internal sealed class OrderMetrics : IDisposable
{
    public const string ProcessedName = "orders_processed";
    public const string DurationName = "orders_processing_duration";
    public const string InFlightName = "orders_in_flight";

    private readonly Meter _meter;
    private readonly Counter<long> _processed;
    private readonly Histogram<double> _duration;
    private readonly UpDownCounter<long> _inFlight;

    public OrderMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(OrderTelemetry.ProcessorSourceName);
        _processed = _meter.CreateCounter<long>(ProcessedName, "{order}", "Orders the processor finished, by transport and outcome.");
        _duration = _meter.CreateHistogram<double>(DurationName, "s", "Time spent processing one order.");
        _inFlight = _meter.CreateUpDownCounter<long>(InFlightName, "{order}", "Orders being processed right now.");
    }

    public void Started(string transport) => _inFlight.Add(1, new KeyValuePair<string, object?>("transport", transport));

    public void Finished(string transport, string outcome, TimeSpan elapsed)
    {
        var transportTag = new KeyValuePair<string, object?>("transport", transport);
        var outcomeTag = new KeyValuePair<string, object?>("outcome", outcome);
        _inFlight.Add(-1, transportTag);
        _processed.Add(1, transportTag, outcomeTag);
        _duration.Record(elapsed.TotalSeconds, transportTag, outcomeTag);
    }

    public void Dispose() => _meter.Dispose();
}
