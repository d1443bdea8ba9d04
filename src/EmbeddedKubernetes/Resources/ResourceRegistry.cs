namespace EmbeddedKubernetes.Resources;

/// <summary>The served resources: built-ins at start, CRD versions as CRDs come and go. Thread-safe.</summary>
internal sealed class ResourceRegistry
{
    private readonly Lock _lock = new();
    private readonly List<ResourceType> _types = [];
    private readonly Dictionary<string, List<string>> _groupVersions = new(StringComparer.Ordinal);

    public ResourceRegistry(IEnumerable<ResourceType> builtIns)
    {
        foreach (var type in builtIns)
        {
            AddLocked(type);
        }
    }

    /// <summary>Raised after CRD registrations change, outside the lock.</summary>
    public event Action? Changed;

    public ResourceType? Find(string group, string version, string plural)
    {
        lock (_lock)
        {
            return _types.Find(t => t.Group == group && t.Version == version && t.Plural == plural);
        }
    }

    /// <summary>The storage version of a group-resource (any version when none is marked storage).</summary>
    public ResourceType? FindStorage(string groupResource)
    {
        lock (_lock)
        {
            return _types.Find(t => t.GroupResource == groupResource && t.Storage)
                ?? _types.Find(t => t.GroupResource == groupResource);
        }
    }

    public ResourceType? FindByKind(string apiVersion, string kind)
    {
        lock (_lock)
        {
            return _types.Find(t => t.GroupVersion == apiVersion && t.Kind == kind);
        }
    }

    public IReadOnlyList<ResourceType> All()
    {
        lock (_lock)
        {
            return [.. _types];
        }
    }

    public IReadOnlyList<ResourceType> InGroupVersion(string group, string version)
    {
        lock (_lock)
        {
            return _types.FindAll(t => t.Group == group && t.Version == version);
        }
    }

    /// <summary>Groups in registration order with their versions, preferred version first.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups()
    {
        lock (_lock)
        {
            return [.. _groupVersions.Select(kv => (kv.Key, (IReadOnlyList<string>)[.. kv.Value]))];
        }
    }

    /// <summary>Replaces every version of a custom resource (plural.group) with the given set.</summary>
    public void ReplaceCustom(string groupResource, IReadOnlyList<ResourceType> versions)
    {
        lock (_lock)
        {
            RemoveLocked(groupResource);
            foreach (var type in versions)
            {
                AddLocked(type);
            }
        }

        Changed?.Invoke();
    }

    public void RemoveCustom(string groupResource)
    {
        lock (_lock)
        {
            RemoveLocked(groupResource);
        }

        Changed?.Invoke();
    }

    private void AddLocked(ResourceType type)
    {
        _types.Add(type);
        if (!_groupVersions.TryGetValue(type.Group, out var versions))
        {
            versions = [];
            _groupVersions[type.Group] = versions;
        }

        if (!versions.Contains(type.Version))
        {
            versions.Add(type.Version);
            versions.Sort(KubeVersionComparer.Instance);
        }
    }

    private void RemoveLocked(string groupResource)
    {
        var removed = _types.FindAll(t => t.GroupResource == groupResource && !t.IsBuiltIn);
        _types.RemoveAll(t => t.GroupResource == groupResource && !t.IsBuiltIn);
        foreach (var type in removed)
        {
            if (_types.Exists(t => t.Group == type.Group && t.Version == type.Version))
            {
                continue;
            }

            var versions = _groupVersions[type.Group];
            versions.Remove(type.Version);
            if (versions.Count == 0)
            {
                _groupVersions.Remove(type.Group);
            }
        }
    }
}
