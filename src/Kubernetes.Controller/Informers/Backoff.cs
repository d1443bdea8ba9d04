namespace Kubernetes.Controller.Informers;

/// <summary>Doubling delay between an initial and a maximum, reset after a success.</summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan max)
{
    private TimeSpan _next;

    public TimeSpan Next()
    {
        var delay = _next == TimeSpan.Zero ? initial : _next;
        _next = TimeSpan.FromTicks(Math.Min(max.Ticks, delay.Ticks * 2));
        return delay;
    }

    public void Reset() => _next = TimeSpan.Zero;
}
