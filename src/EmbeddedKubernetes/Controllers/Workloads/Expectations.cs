using System.Collections.Concurrent;

namespace EmbeddedKubernetes.Controllers.Workloads;

/// <summary>
/// Pods a controller created or deleted that its informer has not shown yet (client-go's ControllerExpectations),
/// so a sync racing the watch does not create or delete twice.
/// </summary>
internal sealed class Expectations
{
    private readonly ConcurrentDictionary<string, (HashSet<string> Creates, HashSet<string> Deletes)> _byOwner = new(StringComparer.Ordinal);

    public void ExpectCreate(string owner, string pod)
    {
        var entry = Entry(owner);
        lock (entry.Creates)
        {
            entry.Creates.Add(pod);
        }
    }

    public void ExpectDelete(string owner, string pod)
    {
        var entry = Entry(owner);
        lock (entry.Creates)
        {
            entry.Deletes.Add(pod);
        }
    }

    /// <summary>Settles expectations against what the cache shows and returns the effective active pod names.</summary>
    public HashSet<string> Effective(string owner, IEnumerable<string> cachedActive, ISet<string> cachedAll)
    {
        var entry = Entry(owner);
        var active = new HashSet<string>(cachedActive, StringComparer.Ordinal);
        lock (entry.Creates)
        {
            entry.Creates.RemoveWhere(cachedAll.Contains);
            entry.Deletes.RemoveWhere(name => !cachedAll.Contains(name));
            active.UnionWith(entry.Creates);
            active.ExceptWith(entry.Deletes);
        }

        return active;
    }

    public void Forget(string owner) => _byOwner.TryRemove(owner, out _);

    private (HashSet<string> Creates, HashSet<string> Deletes) Entry(string owner) =>
        _byOwner.GetOrAdd(owner, _ => (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal)));
}
