using System.Threading.Channels;

namespace EmbeddedKubernetes.Storage;

/// <summary>
/// One open watch: a resource, an optional namespace and a filter. Events that cross the filter's boundary are
/// translated the way kube-apiserver does (object starts matching → ADDED, stops matching → DELETED).
/// </summary>
internal sealed class WatchSubscription
{
    // Not SingleReader: that channel kind cannot report Count, which bookmarks need to avoid skipping queued events.
    private readonly Channel<WatchEvent> _channel = Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = false });

    public WatchSubscription(string groupResource, string? ns, Func<StoredObject, bool> filter)
    {
        GroupResource = groupResource;
        Namespace = ns;
        Filter = filter;
    }

    public string GroupResource { get; }

    public string? Namespace { get; }

    public Func<StoredObject, bool> Filter { get; }

    public ChannelReader<WatchEvent> Reader => _channel.Reader;

    /// <summary>Called by the store under its lock, in resourceVersion order.</summary>
    public void Offer(WatchEvent change)
    {
        if (change.GroupResource != GroupResource || (Namespace is not null && change.Object.Namespace != Namespace))
        {
            return;
        }

        var now = Filter(change.Object);
        var before = change.Previous is not null && Filter(change.Previous);
        var translated = change.Type switch
        {
            WatchEventType.Added => now ? change : null,
            WatchEventType.Deleted => now || before ? change : null,
            _ when now && before => change,
            _ when now => change with { Type = WatchEventType.Added },
            _ when before => change with { Type = WatchEventType.Deleted },
            _ => null,
        };
        if (translated is not null)
        {
            _channel.Writer.TryWrite(translated);
        }
    }

    public void Deliver(WatchEvent change) => _channel.Writer.TryWrite(change);

    public void Complete() => _channel.Writer.TryComplete();
}
