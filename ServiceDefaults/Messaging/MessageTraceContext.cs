using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using OpenTelemetry.Context.Propagation;

namespace ServiceDefaults.Messaging;

/// <summary>
/// W3C trace context on messages: <c>traceparent</c>/<c>tracestate</c> in Service Bus application properties and
/// Kafka headers. Reading also accepts Service Bus's own <c>Diagnostic-Id</c> (same format).
/// </summary>
public static class MessageTraceContext
{
    public const string DiagnosticIdProperty = "Diagnostic-Id";

    private static readonly TraceContextPropagator Propagator = new();

    public static void Inject(ActivityContext context, IDictionary<string, object> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        Propagator.Inject(new PropagationContext(context, default), properties, static (carrier, key, value) => carrier[key] = value);
    }

    public static void Inject(ActivityContext context, Headers headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        Propagator.Inject(new PropagationContext(context, default), headers, static (carrier, key, value) =>
        {
            carrier.Remove(key);
            carrier.Add(key, Encoding.UTF8.GetBytes(value));
        });
    }

    public static ActivityContext Extract(IReadOnlyDictionary<string, object> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var context = Propagator.Extract(default, properties, static (carrier, key) =>
            carrier.TryGetValue(key, out var value) && value is string text ? [text] : []).ActivityContext;
        if (context == default && properties.TryGetValue(DiagnosticIdProperty, out var id) && id is string diagnosticId
            && ActivityContext.TryParse(diagnosticId, null, out var parsed))
        {
            return parsed;
        }

        return context;
    }

    public static ActivityContext Extract(Headers? headers)
    {
        if (headers is null)
        {
            return default;
        }

        return Propagator.Extract(default, headers, static (carrier, key) =>
            carrier.TryGetLastBytes(key, out var bytes) ? [Encoding.UTF8.GetString(bytes)] : []).ActivityContext;
    }
}
