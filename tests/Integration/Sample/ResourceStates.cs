using Aspire.Hosting;

namespace Integration.Sample;

/// <summary>Every state text a dashboard resource shows while a test runs (from the resource notification stream).</summary>
internal sealed class ResourceStates : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;
    private readonly List<string> _texts = [];

    public ResourceStates(DistributedApplication app, string resource)
    {
        _watching = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in app.ResourceNotifications.WatchAsync(_stop.Token))
                {
                    if (e.Resource.Name == resource && e.Snapshot.State?.Text is { } text)
                    {
                        lock (_texts)
                        {
                            if (_texts.Count == 0 || _texts[^1] != text)
                            {
                                _texts.Add(text);
                            }
                        }
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Disposed.
            }
        });
    }

    public IReadOnlyList<string> Texts
    {
        get
        {
            lock (_texts)
            {
                return [.. _texts];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        _stop.Dispose();
    }
}
