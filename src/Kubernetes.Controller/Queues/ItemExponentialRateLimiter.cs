namespace Kubernetes.Controller.Queues;

/// <summary>client-go's ItemExponentialFailureRateLimiter: delay = base × 2^failures of that item, capped at max.</summary>
internal sealed class ItemExponentialRateLimiter(RateLimiterOptions options)
{
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public TimeSpan When(string key)
    {
        int exponent;
        lock (_lock)
        {
            _failures.TryGetValue(key, out exponent);
            _failures[key] = exponent + 1;
        }

        var delay = options.BaseDelay.TotalMilliseconds * Math.Pow(2, exponent);
        return delay >= options.MaxDelay.TotalMilliseconds ? options.MaxDelay : TimeSpan.FromMilliseconds(delay);
    }

    public void Forget(string key)
    {
        lock (_lock)
        {
            _failures.Remove(key);
        }
    }

    public int NumRequeues(string key)
    {
        lock (_lock)
        {
            return _failures.TryGetValue(key, out var count) ? count : 0;
        }
    }
}
