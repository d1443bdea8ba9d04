using System.Collections.Concurrent;

namespace Operator.Decisions;

/// <summary>
/// The in-memory <see cref="IDecisionLog"/>: a fixed-size ring per ScaledObject (the last
/// <see cref="DecisionLogDefaults.Capacity"/> decisions), one small lock per object so loops never contend.
/// </summary>
internal sealed class DecisionLog : IDecisionLog
{
    private readonly ConcurrentDictionary<(string Namespace, string Name), Ring> _rings = new();
    private readonly int _capacity;

    public DecisionLog(int capacity = DecisionLogDefaults.Capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public void Record(string @namespace, string name, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _rings.GetOrAdd((@namespace, name), static (_, capacity) => new Ring(capacity), _capacity).Add(record);
    }

    public IReadOnlyList<DecisionRecord> Recent(string @namespace, string name) =>
        _rings.TryGetValue((@namespace, name), out var ring) ? ring.Snapshot() : [];

    public void Forget(string @namespace, string name) => _rings.TryRemove((@namespace, name), out _);

    private sealed class Ring(int capacity)
    {
        private readonly DecisionRecord[] _items = new DecisionRecord[capacity];
        private readonly Lock _lock = new();
        private int _next;
        private int _count;

        public void Add(DecisionRecord record)
        {
            lock (_lock)
            {
                _items[_next] = record;
                _next = (_next + 1) % _items.Length;
                _count = Math.Min(_count + 1, _items.Length);
            }
        }

        public DecisionRecord[] Snapshot()
        {
            lock (_lock)
            {
                var result = new DecisionRecord[_count];
                var start = (_next - _count + _items.Length) % _items.Length;
                for (var i = 0; i < _count; i++)
                {
                    result[i] = _items[(start + i) % _items.Length];
                }

                return result;
            }
        }
    }
}
