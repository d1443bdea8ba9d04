using k8s;

namespace Integration.Sample;

/// <summary>Samples a Deployment's desired replicas until disposed, so a test can say how far it scaled.</summary>
internal sealed class ReplicaHistory : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private readonly List<int> _samples = [];

    public ReplicaHistory(IKubernetes client, string ns, string deployment)
    {
        _sampling = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    var scale = await client.AppsV1.ReadNamespacedDeploymentScaleAsync(deployment, ns, cancellationToken: _stop.Token);
                    lock (_samples)
                    {
                        _samples.Add(scale.Spec?.Replicas ?? 0);
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(250), _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (HttpRequestException)
                {
                    // The control plane is busy; the next sample will do.
                }
            }
        });
    }

    public int Max
    {
        get
        {
            lock (_samples)
            {
                return _samples.Count == 0 ? 0 : _samples.Max();
            }
        }
    }

    public int Latest
    {
        get
        {
            lock (_samples)
            {
                return _samples.Count == 0 ? -1 : _samples[^1];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
