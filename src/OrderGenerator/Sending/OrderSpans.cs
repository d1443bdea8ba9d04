using System.Diagnostics;
using OrderContracts;

namespace OrderGenerator.Sending;

/// <summary>
/// One <c>create orders</c> producer span per order, each the root of its own trace (so one order's trace holds its
/// creation and its processing, not all 300 orders); its context travels with the message.
/// </summary>
internal static class OrderSpans
{
    public static readonly ActivitySource Source = new(OrderTelemetry.GeneratorSourceName);

    public static Activity? StartCreate(Order order, string system, string destination)
    {
        // A root span: nothing the generator does around it is the order's parent.
        Activity.Current = null;
        var activity = Source.StartActivity($"create {destination}", ActivityKind.Producer);
        activity?.SetTag("messaging.system", system);
        activity?.SetTag("messaging.destination.name", destination);
        activity?.SetTag("messaging.operation.type", "create");
        activity?.SetTag("messaging.message.id", order.Id);
        activity?.SetTag("order.id", order.Id);
        return activity;
    }
}
