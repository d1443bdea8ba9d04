namespace EmbeddedKubernetes.Logs;

/// <summary>
/// One run of a container's output (stdout and stderr interleaved as written), bounded to the last lines like a
/// kubelet's rotated log; followers wait for new lines until the run ends.
/// </summary>
public sealed class ContainerLog
{
    private readonly Lock _lock = new();
    private readonly Queue<LogLine> _lines = new();
    private readonly int _capacity;
    private readonly TimeProvider _time;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _next;

    public ContainerLog(int capacity, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _time = time;
    }

    /// <summary>An empty log that has already ended (a stub pod's container).</summary>
    public static ContainerLog Empty(TimeProvider time)
    {
        var log = new ContainerLog(1, time);
        log.End();
        return log;
    }

    /// <summary>True once the container run is over: no more lines will come.</summary>
    public bool Ended { get; private set; }

    public void Append(string line)
    {
        lock (_lock)
        {
            if (Ended)
            {
                return;
            }

            _lines.Enqueue(new LogLine(_next++, _time.GetUtcNow(), line));
            while (_lines.Count > _capacity)
            {
                _lines.Dequeue();
            }

            Signal();
        }
    }

    public void End()
    {
        lock (_lock)
        {
            Ended = true;
            Signal();
        }
    }

    /// <summary>Lines with a sequence number from <paramref name="from"/> on, and a task that completes on the next change.</summary>
    public (IReadOnlyList<LogLine> Lines, bool Ended, Task Changed) Read(long from)
    {
        lock (_lock)
        {
            return ([.. _lines.Where(l => l.Sequence >= from)], Ended, _changed.Task);
        }
    }

    private void Signal()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }
}
