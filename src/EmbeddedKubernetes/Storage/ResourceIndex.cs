namespace EmbeddedKubernetes.Storage;

/// <summary>One resource's objects, by key and by namespace, both in key order (lists are sorted like etcd's keys).</summary>
internal sealed class ResourceIndex
{
    private readonly SortedDictionary<string, StoredObject> _all = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<string, StoredObject>> _byNamespace = new(StringComparer.Ordinal);

    public int Count => _all.Count;

    public IEnumerable<StoredObject> All => _all.Values;

    public StoredObject? Get(string key) => _all.GetValueOrDefault(key);

    public IReadOnlyCollection<StoredObject> InNamespace(string ns) =>
        _byNamespace.TryGetValue(ns, out var items) ? items.Values : [];

    public bool AnyInNamespace(string ns) => _byNamespace.TryGetValue(ns, out var items) && items.Count > 0;

    public void Set(StoredObject item)
    {
        _all[item.Key] = item;
        if (!_byNamespace.TryGetValue(item.Namespace, out var items))
        {
            items = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
            _byNamespace[item.Namespace] = items;
        }

        items[item.Key] = item;
    }

    public bool Remove(string key, out StoredObject removed)
    {
        if (!_all.Remove(key, out removed!))
        {
            return false;
        }

        if (_byNamespace.TryGetValue(removed.Namespace, out var items))
        {
            items.Remove(key);
            if (items.Count == 0)
            {
                _byNamespace.Remove(removed.Namespace);
            }
        }

        return true;
    }
}
