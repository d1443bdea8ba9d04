using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using EmbeddedKubernetes.Api;
using EmbeddedKubernetes.Storage;

namespace EmbeddedKubernetes.Gc;

/// <summary>
/// kube-controller-manager's garbage collector and namespace finaliser, reduced to their rules:
/// a dependent whose owners are all gone is deleted (background); an owner deleting with the "orphan" finalizer
/// has its ownerReferences stripped from dependents, then the finalizer removed; with "foregroundDeletion" its
/// dependents are deleted first; a terminating namespace is removed once empty.
/// </summary>
internal sealed class GarbageCollector
{
    private static readonly byte[] OwnerMarker = Encoding.UTF8.GetBytes("\"ownerReferences\"");
    private static readonly byte[] DeletionMarker = Encoding.UTF8.GetBytes("\"deletionTimestamp\"");

    private readonly ObjectService _objects;
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public GarbageCollector(ObjectService objects)
    {
        _objects = objects;
        objects.Store.Committed += OnCommitted;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _signal.Reader.WaitToReadAsync(cancellationToken))
            {
                _signal.Reader.TryRead(out _);
                Sweep();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One pass over everything; repeated until nothing changes (cascades are several levels deep).</summary>
    public void Sweep()
    {
        for (var pass = 0; pass < 16 && SweepOnce(); pass++)
        {
        }
    }

    private void OnCommitted(WatchEvent change)
    {
        var json = change.Object.Json.AsSpan();
        if (change.Type == WatchEventType.Deleted || json.IndexOf(OwnerMarker) >= 0 || json.IndexOf(DeletionMarker) >= 0)
        {
            _signal.Writer.TryWrite(true);
        }
    }

    private bool SweepOnce()
    {
        var all = _objects.Store.AllObjects();
        var byUid = new Dictionary<string, (string GroupResource, StoredObject Object)>(StringComparer.Ordinal);
        foreach (var entry in all)
        {
            byUid[entry.Object.Uid] = entry;
        }

        var changed = false;
        var dependents = new Dictionary<string, List<(string GroupResource, StoredObject Object)>>(StringComparer.Ordinal);
        foreach (var (groupResource, item) in all)
        {
            if (item.Json.AsSpan().IndexOf(OwnerMarker) < 0)
            {
                continue;
            }

            var owners = (item.ToNode()["metadata"]?["ownerReferences"] as JsonArray ?? []).Select(o => o?["uid"]?.GetValue<string>() ?? "").ToList();
            foreach (var owner in owners)
            {
                if (!dependents.TryGetValue(owner, out var list))
                {
                    list = [];
                    dependents[owner] = list;
                }

                list.Add((groupResource, item));
            }

            if (owners.Count > 0 && owners.All(o => !byUid.ContainsKey(o)))
            {
                changed |= Delete(groupResource, item, "Background");
            }
        }

        foreach (var (groupResource, item) in all.Where(e => e.Object.Json.AsSpan().IndexOf(DeletionMarker) >= 0))
        {
            var node = item.ToNode();
            if (node["metadata"]?["deletionTimestamp"] is null)
            {
                continue;
            }

            var finalizers = (node["metadata"]?["finalizers"] as JsonArray ?? []).Select(f => f?.GetValue<string>()).ToList();
            var mine = dependents.GetValueOrDefault(item.Uid) ?? [];
            if (finalizers.Contains(ObjectService.OrphanFinalizer))
            {
                foreach (var dependent in mine)
                {
                    changed |= Edit(dependent.GroupResource, dependent.Object, d =>
                    {
                        var refs = d["metadata"]!["ownerReferences"]!.AsArray();
                        var kept = refs.Where(r => r?["uid"]?.GetValue<string>() != item.Uid).Select(r => r!.DeepClone()).ToList();
                        if (kept.Count == 0)
                        {
                            d["metadata"]!.AsObject().Remove("ownerReferences");
                        }
                        else
                        {
                            d["metadata"]!["ownerReferences"] = new JsonArray([.. kept]);
                        }
                    });
                }

                changed |= RemoveFinalizer(groupResource, item, ObjectService.OrphanFinalizer);
            }
            else if (finalizers.Contains(ObjectService.ForegroundFinalizer))
            {
                foreach (var dependent in mine)
                {
                    changed |= Delete(dependent.GroupResource, dependent.Object, "Foreground");
                }

                if (mine.Count == 0)
                {
                    changed |= RemoveFinalizer(groupResource, item, ObjectService.ForegroundFinalizer);
                }
            }

            if (groupResource == "namespaces" && _objects.Registry.FindStorage("namespaces") is { } namespaces)
            {
                changed |= _objects.FinishNamespace(namespaces, item.Name) is not null;
            }
        }

        return changed;
    }

    private bool Delete(string groupResource, StoredObject item, string policy)
    {
        if (_objects.Registry.FindStorage(groupResource) is not { } type || item.ToNode()["metadata"]?["deletionTimestamp"] is not null)
        {
            return false;
        }

        return _objects.Delete(type, item.Namespace, item.Name, new DeleteRequest(policy)).Ok;
    }

    private bool RemoveFinalizer(string groupResource, StoredObject item, string finalizer) =>
        Edit(groupResource, item, node =>
        {
            var kept = (node["metadata"]?["finalizers"] as JsonArray ?? []).Where(f => f?.GetValue<string>() != finalizer).Select(f => f!.DeepClone());
            node["metadata"]!["finalizers"] = new JsonArray([.. kept]);
        });

    private bool Edit(string groupResource, StoredObject item, Action<JsonObject> edit)
    {
        if (_objects.Registry.FindStorage(groupResource) is not { } type)
        {
            return false;
        }

        var node = item.ToNode();
        edit(node);
        return _objects.Update(type, item.Namespace, item.Name, node, Subresource.None, WriteOptions.Default).Ok;
    }
}
