namespace Kubernetes.Controller.Events;

/// <summary>A bounded map that drops the least recently used entry when full (not thread-safe: the caller locks).</summary>
internal sealed class LruCache<T>(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, T Value)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, T Value)> _order = new();

    public int Count => _entries.Count;

    public bool TryGet(string key, out T value)
    {
        if (_entries.TryGetValue(key, out var node))
        {
            _order.Remove(node);
            _order.AddFirst(node);
            value = node.Value.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(string key, T value)
    {
        if (_entries.TryGetValue(key, out var node))
        {
            _order.Remove(node);
        }
        else if (_entries.Count >= capacity && _order.Last is { } oldest)
        {
            _order.RemoveLast();
            _entries.Remove(oldest.Value.Key);
        }

        _entries[key] = _order.AddFirst((key, value));
    }
}
