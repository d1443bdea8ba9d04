namespace EmbeddedKubernetes.Storage;

/// <summary>Where each uid lives and which objects name it as an owner: the garbage collector's graph, kept per commit.</summary>
internal sealed class OwnerIndex
{
    private readonly Dictionary<string, (string GroupResource, string Key)> _byUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<(string GroupResource, string Key)>> _dependents = new(StringComparer.Ordinal);

    public (string GroupResource, string Key)? Locate(string uid) => _byUid.TryGetValue(uid, out var at) ? at : null;

    public bool HasDependents(string uid) => _dependents.TryGetValue(uid, out var set) && set.Count > 0;

    public IReadOnlyList<(string GroupResource, string Key)> DependentsOf(string uid) =>
        _dependents.TryGetValue(uid, out var set) ? [.. set] : [];

    public void Replace(string groupResource, StoredObject? previous, StoredObject? next)
    {
        if (previous is not null)
        {
            foreach (var owner in previous.OwnerUids)
            {
                if (_dependents.TryGetValue(owner, out var set) && set.Remove((groupResource, previous.Key)) && set.Count == 0)
                {
                    _dependents.Remove(owner);
                }
            }

            if (next is null && previous.Uid.Length > 0)
            {
                _byUid.Remove(previous.Uid);
            }
        }

        if (next is null)
        {
            return;
        }

        if (next.Uid.Length > 0)
        {
            _byUid[next.Uid] = (groupResource, next.Key);
        }

        foreach (var owner in next.OwnerUids)
        {
            if (!_dependents.TryGetValue(owner, out var set))
            {
                set = [];
                _dependents[owner] = set;
            }

            set.Add((groupResource, next.Key));
        }
    }
}
