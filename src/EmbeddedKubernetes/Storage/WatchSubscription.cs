using System.Threading.Channels;

namespace EmbeddedKubernetes.Storage;

/// <summary>
/// One open watch: a resource, an optional namespace and a filter. Events that cross the filter's boundary are
/// translated the way kube-apiserver does (object starts matching → ADDED, stops matching → DELETED). The initial
/// events (the current objects, or the history being replayed) are held apart; live events go through a bounded
/// buffer, and a watcher that lets it fill up is closed, as kube-apiserver closes unresponsive watchers: its client
/// resumes from the last resourceVersion it saw.
/// </summary>
internal sealed class WatchSubscription
{
    // Not SingleReader: that channel kind cannot report Count, which bookmarks need to avoid skipping queued events.
    private readonly Channel<WatchEvent> _channel;
    private readonly Queue<WatchEvent> _initial = new();

    public WatchSubscription(string groupResource, string? ns, Func<StoredObject, bool> filter, int bufferSize)
    {
        GroupResource = groupResource;
        Namespace = ns;
        Filter = filter;
        _channel = Channel.CreateBounded<WatchEvent>(new BoundedChannelOptions(Math.Max(1, bufferSize))
        {
            SingleReader = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string GroupResource { get; }

    public string? Namespace { get; }

    public Func<StoredObject, bool> Filter { get; }

    public ChannelReader<WatchEvent> Reader => _channel.Reader;

    /// <summary>True once the watch was closed because its reader fell a whole buffer behind.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Takes the next initial event (before any live one); false when they have all been read.</summary>
    public bool TryReadInitial(out WatchEvent change)
    {
        lock (_initial)
        {
            return _initial.TryDequeue(out change!);
        }
    }

    /// <summary>Called by the store's dispatcher in resourceVersion order.</summary>
    public void Offer(WatchEvent change)
    {
        if (Translate(change) is { } translated && !_channel.Writer.TryWrite(translated))
        {
            Overflowed = true;
            _channel.Writer.TryComplete();
        }
    }

    /// <summary>Replays a retained event before the watch goes live (not bounded: the history window bounds it).</summary>
    public void Replay(WatchEvent change)
    {
        if (Translate(change) is { } translated)
        {
            Deliver(translated);
        }
    }

    /// <summary>An initial ADDED event for an object that matched when the watch opened.</summary>
    public void Deliver(WatchEvent change)
    {
        lock (_initial)
        {
            _initial.Enqueue(change);
        }
    }

    public void Complete() => _channel.Writer.TryComplete();

    private WatchEvent? Translate(WatchEvent change)
    {
        if (change.GroupResource != GroupResource || (Namespace is not null && change.Object.Namespace != Namespace))
        {
            return null;
        }

        var now = Filter(change.Object);
        var before = change.Previous is not null && Filter(change.Previous);
        return change.Type switch
        {
            WatchEventType.Added => now ? change : null,
            WatchEventType.Deleted => now || before ? change : null,
            _ when now && before => change,
            _ when now => change with { Type = WatchEventType.Added },
            _ when before => change with { Type = WatchEventType.Deleted },
            _ => null,
        };
    }
}
