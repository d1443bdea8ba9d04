using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Kubernetes.Controller.Informers;

/// <summary>
/// One informer per resource, shared by every controller of a process (client-go's SharedInformerFactory).
/// Informers are created on first use; <see cref="StartAsync"/> runs those created so far (and any created later)
/// until <see cref="StopAsync"/>. <c>watchNamespace</c> limits namespaced resources to one namespace.
/// </summary>
public sealed partial class SharedInformers(IKubernetes client, ILogger logger, TimeProvider time, string? watchNamespace = null)
    : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, IResourceInformer> _informers = new(StringComparer.Ordinal);
    private readonly List<Task> _loops = [];
    private readonly Lock _lock = new();
    private CancellationTokenSource? _running;

    public IKubernetes Client => client;

    public string? WatchNamespace => watchNamespace;

    /// <summary>The informer for <paramref name="resource"/>, created from the list/watch calls the first time.</summary>
    public ResourceInformer<T> For<T>(
        string resource,
        Func<CancellationToken, Task<(IList<T> Items, string ResourceVersion)>> list,
        Func<string, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> watch)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var informer = (ResourceInformer<T>)_informers.GetOrAdd(resource, _ => new ResourceInformer<T>(resource, list, watch, logger, time));
        lock (_lock)
        {
            if (_running is not null)
            {
                StartLocked(informer, _running.Token);
            }
        }

        return informer;
    }

    /// <summary>Starts every informer and waits until each has listed once.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        IResourceInformer[] all;
        lock (_lock)
        {
            if (_running is null)
            {
                _running = new CancellationTokenSource();
                foreach (var informer in _informers.Values)
                {
                    StartLocked(informer, _running.Token);
                }
            }

            all = [.. _informers.Values];
        }

        await Task.WhenAll(all.Select(i => i.Synced)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until every informer created so far has listed once.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_informers.Values.Select(i => i.Synced)).WaitAsync(cancellationToken);

    public async Task StopAsync()
    {
        Task[] loops;
        lock (_lock)
        {
            _running?.Cancel();
            loops = [.. _loops];
            _loops.Clear();
        }

        try
        {
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        lock (_lock)
        {
            _running?.Dispose();
            _running = null;
        }
    }

    private readonly HashSet<IResourceInformer> _started = [];

    private void StartLocked(IResourceInformer informer, CancellationToken token)
    {
        if (_started.Add(informer))
        {
            _loops.Add(Task.Run(() => informer.RunAsync(token), CancellationToken.None));
        }
    }

    // List items come without kind/apiVersion; events and owner references need them.
    internal static (IList<T> Items, string ResourceVersion) Items<T>(IItems<T> list, string apiVersion, string kind)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        foreach (var item in list.Items)
        {
            item.ApiVersion ??= apiVersion;
            item.Kind ??= kind;
        }

        return (list.Items, ((IMetadata<V1ListMeta>)list).Metadata?.ResourceVersion ?? "");
    }

    internal static async IAsyncEnumerable<(WatchEventType, T)> Tag<T>(IAsyncEnumerable<(WatchEventType, T)> events, string apiVersion, string kind)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        await foreach (var (type, item) in events.ConfigureAwait(false))
        {
            if (item is not null)
            {
                item.ApiVersion ??= apiVersion;
                item.Kind ??= kind;
            }

            yield return (type, item!);
        }
    }
}
