namespace Kubernetes.Controller.Queues;

/// <summary>Per-item exponential backoff of a <see cref="WorkQueue"/> (client-go: 5ms doubling to 1000s).</summary>
public sealed class RateLimiterOptions
{
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(1000);
}
