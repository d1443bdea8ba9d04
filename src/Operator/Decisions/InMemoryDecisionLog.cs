using System.Collections.Concurrent;

namespace Operator.Decisions;

/// <summary>The last <see cref="Capacity"/> decisions per ScaledObject, in memory (registered unless another log is).</summary>
public sealed class InMemoryDecisionLog(int capacity = InMemoryDecisionLog.DefaultCapacity) : IDecisionLog
{
    public const int DefaultCapacity = 20;

    private readonly ConcurrentDictionary<string, Queue<DecisionRecord>> _records = new(StringComparer.Ordinal);

    public int Capacity => capacity;

    public void Record(string @namespace, string name, DecisionRecord record)
    {
        var queue = _records.GetOrAdd($"{@namespace}/{name}", _ => new Queue<DecisionRecord>());
        lock (queue)
        {
            queue.Enqueue(record);
            while (queue.Count > capacity)
            {
                queue.Dequeue();
            }
        }
    }

    public IReadOnlyList<DecisionRecord> Recent(string @namespace, string name)
    {
        if (!_records.TryGetValue($"{@namespace}/{name}", out var queue))
        {
            return [];
        }

        lock (queue)
        {
            return [.. queue];
        }
    }

    public void Forget(string @namespace, string name) => _records.TryRemove($"{@namespace}/{name}", out _);
}
