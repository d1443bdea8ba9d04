using System.Runtime.CompilerServices;
using Amqp;
using Amqp.Handler;
using Amqp.Listener;
using Microsoft.Extensions.Logging;
using EventId = Amqp.Handler.EventId;

namespace LocalServiceBus.Amqp;

/// <summary>
/// Connection-level hooks: puts the lock token into each delivery's tag (the SDK reads the lock token from it) and
/// counts open connections against the namespace's quota.
/// </summary>
internal sealed class BrokerHandler(int maxConnections, ILogger logger) : IHandler
{
    private static readonly ConditionalWeakTable<Message, byte[]> Tags = new();
    private int _open;

    public int OpenConnections => Volatile.Read(ref _open);

    /// <summary>Remembers the tag a message must carry when it is sent.</summary>
    public static void Tag(Message message, Guid lockToken) => Tags.AddOrUpdate(message, lockToken.ToByteArray());

    public bool CanHandle(EventId id) => id is EventId.SendDelivery or EventId.ConnectionRemoteOpen;

    public void Handle(Event protocolEvent)
    {
        if (protocolEvent.Id == EventId.SendDelivery && protocolEvent.Context is IDelivery delivery && delivery.Message is { } message
            && Tags.TryGetValue(message, out var tag))
        {
            delivery.Tag = tag;
            Tags.Remove(message);
            return;
        }

        if (protocolEvent.Id == EventId.ConnectionRemoteOpen && protocolEvent.Connection is ListenerConnection connection)
        {
            var number = Interlocked.Increment(ref _open);
            connection.AddClosedCallback((_, _) => Interlocked.Decrement(ref _open));
            if (number > maxConnections)
            {
                ConnectionState.Of(connection).Refused = true;
                LocalServiceBusLog.ConnectionRefused(logger, number, maxConnections);
            }
        }
    }
}
