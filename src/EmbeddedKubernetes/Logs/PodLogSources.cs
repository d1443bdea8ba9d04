namespace EmbeddedKubernetes.Logs;

/// <summary>
/// Where the control plane finds container output: the pod runtime of the built-in controllers registers itself
/// while it runs (kube-apiserver asks the pod's kubelet the same way). Without one, pods have empty logs.
/// </summary>
public sealed class PodLogSources
{
    private volatile IPodLogSource? _source;

    public IPodLogSource? Current => _source;

    /// <summary>Registers the runtime; disposing the result unregisters it.</summary>
    public IDisposable Attach(IPodLogSource source)
    {
        _source = source;
        return new Detach(this, source);
    }

    private sealed class Detach(PodLogSources owner, IPodLogSource source) : IDisposable
    {
        public void Dispose() => Interlocked.CompareExchange(ref owner._source, null, source);
    }
}
