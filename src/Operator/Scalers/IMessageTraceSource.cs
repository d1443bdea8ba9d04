using System.Diagnostics;

namespace Operator.Scalers;

/// <summary>
/// A scaler whose source carries the trace context of the messages waiting in it (beyond KEDA): Service Bus
/// application properties (<c>traceparent</c>, <c>Diagnostic-Id</c>), Kafka headers. A scale-up decision links its span
/// to those traces, so the dashboard leads from "scaled 0→1" to the orders that caused it.
/// </summary>
public interface IMessageTraceSource
{
    /// <summary>
    /// The trace contexts of up to <paramref name="max"/> of the first waiting messages, read without disturbing the
    /// source: a peek (no lock, no receive) or a read at the group's committed offsets (no join, no commit). Messages
    /// without trace context are skipped. May throw on source failures; the caller bounds the time and swallows them.
    /// </summary>
    Task<IReadOnlyList<ActivityContext>> ReadWaitingTraceContextsAsync(int max, CancellationToken cancellationToken);
}
