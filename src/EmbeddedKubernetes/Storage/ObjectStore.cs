using System.Text.Json.Nodes;

namespace EmbeddedKubernetes.Storage;

/// <summary>
/// In-memory storage for every resource: one cluster-wide monotonic resourceVersion, a bounded window of past
/// events for watch resume, and the open watches. Read-modify-write callers hold <see cref="SyncRoot"/>.
/// </summary>
internal sealed class ObjectStore
{
    private readonly Dictionary<string, SortedDictionary<string, StoredObject>> _objects = new(StringComparer.Ordinal);
    private readonly Queue<WatchEvent> _history = new();
    private readonly List<WatchSubscription> _watches = [];
    private readonly int _historyLimit;
    private long _resourceVersion;
    private long _compactedThrough;

    public ObjectStore(int historyLimit, long initialResourceVersion = 0)
    {
        _historyLimit = Math.Max(1, historyLimit);
        _resourceVersion = initialResourceVersion;
        _compactedThrough = initialResourceVersion;
    }

    /// <summary>Raised under the lock after every commit (the garbage collector and CRD registrar listen).</summary>
    public event Action<WatchEvent>? Committed;

    public Lock SyncRoot { get; } = new();

    public long CurrentResourceVersion
    {
        get
        {
            lock (SyncRoot)
            {
                return _resourceVersion;
            }
        }
    }

    public int WatchCount
    {
        get
        {
            lock (SyncRoot)
            {
                return _watches.Count;
            }
        }
    }

    public StoredObject? Get(string groupResource, string ns, string name)
    {
        lock (SyncRoot)
        {
            return _objects.TryGetValue(groupResource, out var items) && items.TryGetValue(StoredObject.StoreKey(ns, name), out var found)
                ? found
                : null;
        }
    }

    /// <summary>A consistent snapshot of one resource (optionally one namespace) and the resourceVersion it is at.</summary>
    public (IReadOnlyList<StoredObject> Items, long ResourceVersion) List(string groupResource, string? ns)
    {
        lock (SyncRoot)
        {
            if (!_objects.TryGetValue(groupResource, out var items))
            {
                return ([], _resourceVersion);
            }

            var list = ns is null
                ? [.. items.Values]
                : items.Values.Where(o => o.Namespace == ns).ToList();
            return (list, _resourceVersion);
        }
    }

    public bool AnyInNamespace(string ns)
    {
        lock (SyncRoot)
        {
            return _objects.Values.Any(items => items.Values.Any(o => o.Namespace == ns));
        }
    }

    public IReadOnlyList<(string GroupResource, StoredObject Object)> AllObjects()
    {
        lock (SyncRoot)
        {
            return [.. _objects.SelectMany(kv => kv.Value.Values.Select(o => (kv.Key, o)))];
        }
    }

    public int Count()
    {
        lock (SyncRoot)
        {
            return _objects.Values.Sum(v => v.Count);
        }
    }

    /// <summary>Stamps the next resourceVersion on the node, stores it and notifies watches. Caller validated it.</summary>
    public StoredObject Put(string groupResource, JsonObject node, WatchEventType type)
    {
        lock (SyncRoot)
        {
            var metadata = node["metadata"]!.AsObject();
            metadata["resourceVersion"] = (++_resourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var stored = StoredObject.From(node);
            if (!_objects.TryGetValue(groupResource, out var items))
            {
                items = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
                _objects[groupResource] = items;
            }

            items.TryGetValue(stored.Key, out var previous);
            items[stored.Key] = stored;
            Publish(new WatchEvent(groupResource, type, stored, previous));
            return stored;
        }
    }

    /// <summary>Removes an object; the DELETED event carries its last state with a fresh resourceVersion.</summary>
    public StoredObject? Remove(string groupResource, string ns, string name)
    {
        lock (SyncRoot)
        {
            if (!_objects.TryGetValue(groupResource, out var items) || !items.Remove(StoredObject.StoreKey(ns, name), out var previous))
            {
                return null;
            }

            var node = previous.ToNode();
            node["metadata"]!["resourceVersion"] = (++_resourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var tombstone = StoredObject.From(node);
            Publish(new WatchEvent(groupResource, WatchEventType.Deleted, tombstone, previous));
            return tombstone;
        }
    }

    /// <summary>
    /// Opens a watch. Without a resourceVersion (or "0") the current matching objects arrive first as ADDED;
    /// with one, the retained events after it are replayed. Returns null when that version was compacted away (410).
    /// </summary>
    public WatchSubscription? Watch(string groupResource, string? ns, Func<StoredObject, bool> filter, long? fromResourceVersion)
    {
        lock (SyncRoot)
        {
            var subscription = new WatchSubscription(groupResource, ns, filter);
            if (fromResourceVersion is null or 0)
            {
                if (_objects.TryGetValue(groupResource, out var items))
                {
                    foreach (var item in items.Values.Where(o => (ns is null || o.Namespace == ns) && filter(o)))
                    {
                        subscription.Deliver(new WatchEvent(groupResource, WatchEventType.Added, item, null));
                    }
                }
            }
            else
            {
                if (fromResourceVersion < _compactedThrough)
                {
                    return null;
                }

                foreach (var past in _history.Where(e => e.ResourceVersion > fromResourceVersion))
                {
                    subscription.Offer(past);
                }
            }

            _watches.Add(subscription);
            return subscription;
        }
    }

    /// <summary>The newest resourceVersion a bookmark may carry without skipping an undelivered event.</summary>
    public long BookmarkVersion(WatchSubscription subscription, long lastSent)
    {
        lock (SyncRoot)
        {
            return subscription.Reader.Count == 0 ? Math.Max(lastSent, _resourceVersion) : lastSent;
        }
    }

    public void Unwatch(WatchSubscription subscription)
    {
        lock (SyncRoot)
        {
            _watches.Remove(subscription);
        }

        subscription.Complete();
    }

    /// <summary>Test hook: ends every open watch, as an apiserver restart would.</summary>
    public void DropAllWatches()
    {
        lock (SyncRoot)
        {
            foreach (var watch in _watches)
            {
                watch.Complete();
            }

            _watches.Clear();
        }
    }

    /// <summary>Test hook: forgets the event history so resuming from any older resourceVersion answers 410.</summary>
    public void CompactHistory()
    {
        lock (SyncRoot)
        {
            _history.Clear();
            _compactedThrough = _resourceVersion;
        }
    }

    private void Publish(WatchEvent change)
    {
        _history.Enqueue(change);
        while (_history.Count > _historyLimit)
        {
            _compactedThrough = _history.Dequeue().ResourceVersion;
        }

        foreach (var watch in _watches)
        {
            watch.Offer(change);
        }

        Committed?.Invoke(change);
    }
}
