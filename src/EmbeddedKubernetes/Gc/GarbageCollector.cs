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
/// Like kube's collector it works from its graph (the store's owner index), one object at a time: a commit queues
/// only the objects it can affect, so no write ever leads to a sweep over everything.
/// </summary>
internal sealed class GarbageCollector
{
    private readonly ObjectService _objects;
    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });

    public GarbageCollector(ObjectService objects)
    {
        _objects = objects;
        objects.Store.Committed += OnCommitted;
    }

    private enum WorkKind
    {
        /// <summary>Delete the object if every owner it names is gone.</summary>
        Dependent,

        /// <summary>Act on a deleting owner's orphan/foreground finalizer.</summary>
        Owner,

        /// <summary>Remove a terminating namespace once it is empty.</summary>
        Namespace,
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(cancellationToken))
            {
                while (_queue.Reader.TryRead(out var work))
                {
                    Process(work);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    // Runs on the store's dispatch path: only reads what the commit carries and the indexes, then queues.
    private void OnCommitted(WatchEvent change)
    {
        var item = change.Object;
        if (change.Type == WatchEventType.Deleted)
        {
            foreach (var (_, dependent) in _objects.Store.DependentsOf(item.Uid))
            {
                Queue(WorkKind.Dependent, dependent.Uid);
            }

            foreach (var owner in item.OwnerUids)
            {
                Queue(WorkKind.Owner, owner);
            }

            if (item.Namespace.Length > 0 && _objects.Store.Get("namespaces", "", item.Namespace) is { Deleting: true })
            {
                Queue(WorkKind.Namespace, item.Namespace);
            }

            return;
        }

        if (item.OwnerUids.Count > 0 && (change.Previous is null || !item.OwnerUids.SequenceEqual(change.Previous.OwnerUids)))
        {
            Queue(WorkKind.Dependent, item.Uid);
        }

        if (item.Deleting && item.Finalizers.Any(f => f is ObjectService.OrphanFinalizer or ObjectService.ForegroundFinalizer))
        {
            Queue(WorkKind.Owner, item.Uid);
        }

        if (change.GroupResource == "namespaces" && item.Deleting)
        {
            Queue(WorkKind.Namespace, item.Name);
        }
    }

    private void Queue(WorkKind kind, string key) => _queue.Writer.TryWrite(new Work(kind, key));

    private void Process(Work work)
    {
        switch (work.Kind)
        {
            case WorkKind.Dependent:
                if (_objects.Store.GetByUid(work.Key) is { } dependent && !dependent.Object.Deleting
                    && dependent.Object.OwnerUids.Count > 0 && dependent.Object.OwnerUids.All(o => _objects.Store.GetByUid(o) is null))
                {
                    Delete(dependent.GroupResource, dependent.Object, "Background");
                }

                break;
            case WorkKind.Owner:
                if (_objects.Store.GetByUid(work.Key) is { Object.Deleting: true } owner)
                {
                    Finalize(owner.GroupResource, owner.Object);
                }

                break;
            default:
                if (_objects.Registry.FindStorage("namespaces") is { } namespaces)
                {
                    _objects.FinishNamespace(namespaces, work.Key);
                }

                break;
        }
    }

    private void Finalize(string groupResource, StoredObject owner)
    {
        var dependents = _objects.Store.DependentsOf(owner.Uid);
        if (owner.Finalizers.Contains(ObjectService.OrphanFinalizer))
        {
            foreach (var (dependentResource, dependent) in dependents)
            {
                Edit(dependentResource, dependent, d =>
                {
                    var refs = d["metadata"]!["ownerReferences"]!.AsArray();
                    var kept = refs.Where(r => r?["uid"]?.GetValue<string>() != owner.Uid).Select(r => r!.DeepClone()).ToList();
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

            RemoveFinalizer(groupResource, owner, ObjectService.OrphanFinalizer);
        }
        else if (owner.Finalizers.Contains(ObjectService.ForegroundFinalizer))
        {
            foreach (var (dependentResource, dependent) in dependents)
            {
                Delete(dependentResource, dependent, "Foreground");
            }

            // The last dependent's DELETED event queues this owner again.
            if (dependents.Count == 0)
            {
                RemoveFinalizer(groupResource, owner, ObjectService.ForegroundFinalizer);
            }
        }
    }

    private void Delete(string groupResource, StoredObject item, string policy)
    {
        if (_objects.Registry.FindStorage(groupResource) is { } type && !item.Deleting)
        {
            _objects.Delete(type, item.Namespace, item.Name, new DeleteRequest(policy, PreconditionUid: item.Uid));
        }
    }

    private void RemoveFinalizer(string groupResource, StoredObject item, string finalizer) =>
        Edit(groupResource, item, node =>
        {
            var kept = (node["metadata"]?["finalizers"] as JsonArray ?? []).Where(f => f?.GetValue<string>() != finalizer).Select(f => f!.DeepClone());
            node["metadata"]!["finalizers"] = new JsonArray([.. kept]);
        });

    private void Edit(string groupResource, StoredObject item, Action<JsonObject> edit)
    {
        if (_objects.Registry.FindStorage(groupResource) is not { } type)
        {
            return;
        }

        // Read the latest state each time, and again after a conflict: a stale copy would lose the edit.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = _objects.Store.Get(groupResource, item.Namespace, item.Name);
            if (current is null || current.Uid != item.Uid)
            {
                return;
            }

            var node = current.ToNode();
            edit(node);
            if (_objects.Update(type, item.Namespace, item.Name, node, Subresource.None, WriteOptions.Default).Error?.Reason != "Conflict")
            {
                return;
            }
        }
    }

    private readonly record struct Work(WorkKind Kind, string Key);
}
