using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace EmbeddedKubernetes.Storage;

/// <summary>
/// In-memory storage for every resource: one cluster-wide monotonic resourceVersion, indexes by namespace and by owner,
/// a bounded window of past events for watch resume, and the open watches.
/// The store lock covers only the commit itself (compare, stamp the resourceVersion, index, append to history);
/// serialisation happens before it, and watch fan-out and <see cref="Committed"/> handlers after it, in commit order,
/// under a separate dispatch lock that the committing thread drains before it returns (so a writer sees its own
/// change dispatched, as the CRD registrar needs).
/// </summary>
internal sealed class ObjectStore
{
    private readonly Lock _sync = new();
    private readonly Lock _dispatch = new();
    private readonly Dictionary<string, ResourceIndex> _resources = new(StringComparer.Ordinal);
    private readonly OwnerIndex _owners = new();
    private readonly Queue<WatchEvent> _history = new();
    private readonly ConcurrentQueue<WatchEvent> _pending = new();
    private readonly Dictionary<string, List<WatchSubscription>> _watches = new(StringComparer.Ordinal);
    private readonly int _historyLimit;
    private readonly int _watchBufferSize;
    private long _resourceVersion;
    private long _compactedThrough;
    private long _dispatchedThrough;
    private int _watchCount;
    private long _slowWatchersClosed;

    public ObjectStore(int historyLimit, long initialResourceVersion = 0, int watchBufferSize = EmbeddedClusterDefaults.WatchBufferSize)
    {
        _historyLimit = Math.Max(1, historyLimit);
        _watchBufferSize = Math.Max(1, watchBufferSize);
        _resourceVersion = initialResourceVersion;
        _compactedThrough = initialResourceVersion;
        _dispatchedThrough = initialResourceVersion;
    }

    /// <summary>Raised after every commit, in resourceVersion order, outside the store lock (garbage collector, CRD registrar).</summary>
    public event Action<WatchEvent>? Committed;

    public long CurrentResourceVersion
    {
        get
        {
            lock (_sync)
            {
                return _resourceVersion;
            }
        }
    }

    /// <summary>Resuming from a resourceVersion older than this answers 410 Gone.</summary>
    public long CompactedThrough
    {
        get
        {
            lock (_sync)
            {
                return _compactedThrough;
            }
        }
    }

    public int WatchCount => Volatile.Read(ref _watchCount);

    /// <summary>Watches closed because their reader fell a whole buffer behind.</summary>
    public long SlowWatchersClosed => Interlocked.Read(ref _slowWatchersClosed);

    public StoredObject? Get(string groupResource, string ns, string name)
    {
        lock (_sync)
        {
            return _resources.GetValueOrDefault(groupResource)?.Get(StoredObject.StoreKey(ns, name));
        }
    }

    public (string GroupResource, StoredObject Object)? GetByUid(string uid)
    {
        lock (_sync)
        {
            return _owners.Locate(uid) is { } at && _resources.GetValueOrDefault(at.GroupResource)?.Get(at.Key) is { } found
                ? (at.GroupResource, found)
                : null;
        }
    }

    /// <summary>A consistent snapshot of one resource (one namespace through its index) and the resourceVersion it is at.</summary>
    public (IReadOnlyList<StoredObject> Items, long ResourceVersion) List(string groupResource, string? ns)
    {
        lock (_sync)
        {
            if (!_resources.TryGetValue(groupResource, out var items))
            {
                return ([], _resourceVersion);
            }

            return (ns is null ? [.. items.All] : [.. items.InNamespace(ns)], _resourceVersion);
        }
    }

    public bool AnyInNamespace(string ns)
    {
        lock (_sync)
        {
            return _resources.Values.Any(items => items.AnyInNamespace(ns));
        }
    }

    /// <summary>Everything in one namespace, across resources (namespace deletion).</summary>
    public IReadOnlyList<(string GroupResource, StoredObject Object)> InNamespace(string ns)
    {
        lock (_sync)
        {
            return [.. _resources.SelectMany(kv => kv.Value.InNamespace(ns).Select(o => (kv.Key, o)))];
        }
    }

    public bool HasDependents(string uid)
    {
        lock (_sync)
        {
            return _owners.HasDependents(uid);
        }
    }

    /// <summary>The objects whose ownerReferences name <paramref name="uid"/>, as stored now.</summary>
    public IReadOnlyList<(string GroupResource, StoredObject Object)> DependentsOf(string uid)
    {
        lock (_sync)
        {
            return [.. _owners.DependentsOf(uid)
                .Select(d => (d.GroupResource, Object: _resources.GetValueOrDefault(d.GroupResource)?.Get(d.Key)))
                .Where(d => d.Object is not null)
                .Select(d => (d.GroupResource, d.Object!))];
        }
    }

    public int Count()
    {
        lock (_sync)
        {
            return _resources.Values.Sum(v => v.Count);
        }
    }

    /// <summary>Stores the node unconditionally (the caller validated it) and stamps the next resourceVersion on it.</summary>
    public StoredObject Put(string groupResource, JsonObject node, WatchEventType type) =>
        TryPut(groupResource, node, type, expected: null, unconditional: true)!;

    /// <summary>
    /// Commits the node if the stored object is still <paramref name="expected"/> (null: none may exist); null when
    /// another write came first, so the caller re-reads and tries again (kube-apiserver's GuaranteedUpdate).
    /// </summary>
    public StoredObject? TryPut(string groupResource, JsonObject node, WatchEventType type, StoredObject? expected, bool unconditional = false)
    {
        var pending = StoredObject.Prepare(node);
        StoredObject stored;
        lock (_sync)
        {
            if (!_resources.TryGetValue(groupResource, out var items))
            {
                items = new ResourceIndex();
                _resources[groupResource] = items;
            }

            var previous = items.Get(pending.Key);
            if (!unconditional && !ReferenceEquals(previous, expected))
            {
                return null;
            }

            stored = pending.Stamp(++_resourceVersion);
            items.Set(stored);
            _owners.Replace(groupResource, previous, stored);
            Record(new WatchEvent(groupResource, type, stored, previous));
        }

        node["metadata"]!["resourceVersion"] = stored.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Dispatch();
        return stored;
    }

    /// <summary>Removes an object; the DELETED event carries its last state with a fresh resourceVersion.</summary>
    public StoredObject? Remove(string groupResource, string ns, string name) => TryRemove(groupResource, ns, name, expected: null);

    /// <summary>Removes the object if it is still <paramref name="expected"/> (null: whatever is stored).</summary>
    public StoredObject? TryRemove(string groupResource, string ns, string name, StoredObject? expected)
    {
        var key = StoredObject.StoreKey(ns, name);
        StoredObject.Pending? tombstone = null;
        for (var attempt = 0; ; attempt++)
        {
            var current = expected ?? Get(groupResource, ns, name);
            if (current is null)
            {
                return null;
            }

            var node = current.ToNode();
            node["metadata"]!.AsObject().Remove("resourceVersion");
            tombstone = StoredObject.Prepare(node);
            StoredObject removed;
            lock (_sync)
            {
                if (!_resources.TryGetValue(groupResource, out var items) || !ReferenceEquals(items.Get(key), current))
                {
                    if (expected is not null)
                    {
                        return null;
                    }

                    continue;
                }

                items.Remove(key, out _);
                removed = tombstone.Stamp(++_resourceVersion);
                _owners.Replace(groupResource, current, null);
                Record(new WatchEvent(groupResource, WatchEventType.Deleted, removed, current));
            }

            Dispatch();
            return removed;
        }
    }

    /// <summary>
    /// Opens a watch. Without a resourceVersion (or "0") the current matching objects arrive first as ADDED;
    /// with one, the retained events after it are replayed. Returns null when that version was compacted away (410).
    /// </summary>
    public WatchSubscription? Watch(string groupResource, string? ns, Func<StoredObject, bool> filter, long? fromResourceVersion)
    {
        lock (_dispatch)
        {
            lock (_sync)
            {
                // Whatever is committed is dispatched before the watch joins, so it sees each event exactly once.
                DrainPending();
                var subscription = new WatchSubscription(groupResource, ns, filter, _watchBufferSize);
                if (fromResourceVersion is null or 0)
                {
                    if (_resources.TryGetValue(groupResource, out var items))
                    {
                        foreach (var item in (ns is null ? items.All : items.InNamespace(ns)).Where(filter))
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
                        subscription.Replay(past);
                    }
                }

                if (!_watches.TryGetValue(groupResource, out var list))
                {
                    list = [];
                    _watches[groupResource] = list;
                }

                list.Add(subscription);
                Interlocked.Increment(ref _watchCount);
                return subscription;
            }
        }
    }

    /// <summary>The newest resourceVersion a bookmark may carry without skipping an undelivered event.</summary>
    public long BookmarkVersion(WatchSubscription subscription, long lastSent)
    {
        lock (_dispatch)
        {
            return subscription.Reader.Count == 0 ? Math.Max(lastSent, _dispatchedThrough) : lastSent;
        }
    }

    public void Unwatch(WatchSubscription subscription)
    {
        lock (_dispatch)
        {
            if (_watches.TryGetValue(subscription.GroupResource, out var list) && list.Remove(subscription))
            {
                Interlocked.Decrement(ref _watchCount);
            }
        }

        subscription.Complete();
    }

    /// <summary>Test hook: ends every open watch, as an apiserver restart would.</summary>
    public void DropAllWatches()
    {
        lock (_dispatch)
        {
            foreach (var watch in _watches.Values.SelectMany(w => w))
            {
                watch.Complete();
            }

            _watches.Clear();
            Interlocked.Exchange(ref _watchCount, 0);
        }
    }

    /// <summary>Test hook: forgets the event history so resuming from any older resourceVersion answers 410.</summary>
    public void CompactHistory()
    {
        lock (_sync)
        {
            _history.Clear();
            _compactedThrough = _resourceVersion;
        }
    }

    // Under the store lock: history and the dispatch queue get the event in resourceVersion order.
    private void Record(WatchEvent change)
    {
        _history.Enqueue(change);
        while (_history.Count > _historyLimit)
        {
            _compactedThrough = _history.Dequeue().ResourceVersion;
        }

        _pending.Enqueue(change);
    }

    private void Dispatch()
    {
        lock (_dispatch)
        {
            DrainPending();
        }
    }

    // Under the dispatch lock (re-entered when a Committed handler writes).
    private void DrainPending()
    {
        while (_pending.TryDequeue(out var change))
        {
            if (_watches.TryGetValue(change.GroupResource, out var list))
            {
                for (var i = list.Count - 1; i >= 0; i--)
                {
                    var watch = list[i];
                    watch.Offer(change);
                    if (watch.Overflowed)
                    {
                        list.RemoveAt(i);
                        Interlocked.Decrement(ref _watchCount);
                        Interlocked.Increment(ref _slowWatchersClosed);
                    }
                }
            }

            _dispatchedThrough = change.ResourceVersion;
            Committed?.Invoke(change);
        }
    }
}
