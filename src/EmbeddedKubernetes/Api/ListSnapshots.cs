using EmbeddedKubernetes.Storage;

namespace EmbeddedKubernetes.Api;

/// <summary>
/// The filtered result of a paged list's first request, kept so every later page reads the same snapshot (what
/// kube-apiserver gets from etcd's MVCC at the token's resourceVersion) without listing and filtering again.
/// Snapshots expire after a lifetime and the oldest go first beyond a count; an expired token answers 410.
/// </summary>
internal sealed class ListSnapshots(TimeProvider time, int capacity, TimeSpan lifetime)
{
    private readonly Dictionary<string, Snapshot> _byId = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _sync = new();

    public string Keep(string scope, StoredObject[] items, long resourceVersion)
    {
        var id = Guid.NewGuid().ToString("N");
        lock (_sync)
        {
            _byId[id] = new Snapshot(scope, items, resourceVersion, time.GetUtcNow());
            _order.Enqueue(id);
            while (_order.Count > capacity && _order.TryDequeue(out var oldest))
            {
                _byId.Remove(oldest);
            }
        }

        return id;
    }

    /// <summary>The snapshot of that id for the same request scope, or null when it expired or never existed.</summary>
    public Snapshot? Find(string id, string scope)
    {
        lock (_sync)
        {
            if (!_byId.TryGetValue(id, out var snapshot) || snapshot.Scope != scope)
            {
                return null;
            }

            if (time.GetUtcNow() - snapshot.Created > lifetime)
            {
                _byId.Remove(id);
                return null;
            }

            return snapshot;
        }
    }

    internal sealed record Snapshot(string Scope, StoredObject[] Items, long ResourceVersion, DateTimeOffset Created)
    {
        /// <summary>The index of the first item after <paramref name="key"/> (items are in key order).</summary>
        public int After(string key)
        {
            int low = 0, high = Items.Length;
            while (low < high)
            {
                var mid = (low + high) / 2;
                if (string.CompareOrdinal(Items[mid].Key, key) <= 0)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            return low;
        }
    }
}
