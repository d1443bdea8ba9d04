using Amqp.Listener;

namespace LocalServiceBus.Amqp;

/// <summary>What the broker keeps per AMQP connection: reply links by address and how long its CBS tokens hold.</summary>
internal sealed class ConnectionState
{
    private const string Key = "local-servicebus";
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ListenerLink> _replyLinks = new(StringComparer.Ordinal);

    public DateTimeOffset AuthorizedUntil { get; set; }

    /// <summary>Set when the connection exceeded the namespace's connection quota.</summary>
    public bool Refused { get; set; }

    public static ConnectionState Of(ListenerConnection connection)
    {
        lock (connection.Properties)
        {
            if (connection.Properties.TryGetValue(Key, out var existing))
            {
                return (ConnectionState)existing;
            }

            var state = new ConnectionState();
            connection.Properties[Key] = state;
            return state;
        }
    }

    public void AddReplyLink(string address, ListenerLink link)
    {
        lock (_gate)
        {
            _replyLinks[address] = link;
        }

        link.AddClosedCallback((_, _) =>
        {
            lock (_gate)
            {
                _replyLinks.Remove(address);
            }
        });
    }

    public ListenerLink? ReplyLink(string? address)
    {
        lock (_gate)
        {
            return address is not null ? _replyLinks.GetValueOrDefault(address) : null;
        }
    }
}
