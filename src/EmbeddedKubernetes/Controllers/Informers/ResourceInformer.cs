using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace EmbeddedKubernetes.Controllers.Informers;

/// <summary>
/// A list+watch cache of one resource, like client-go's informer: lists, then watches from the list's
/// resourceVersion, re-watches when the stream ends and re-lists after errors (410 Expired included),
/// telling its handler about every change. Items are keyed "namespace/name".
/// </summary>
internal sealed class ResourceInformer<T>(
    string resource,
    Func<CancellationToken, Task<(IList<T> Items, string ResourceVersion)>> list,
    Func<string, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> watch,
    ILogger logger,
    TimeProvider time)
    where T : IKubernetesObject<V1ObjectMeta>
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, T> _cache = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Called for every change, after the cache is updated (type Added, Modified or Deleted).</summary>
    public event Action<WatchEventType, T>? Changed;

    public Task Synced => _synced.Task;

    public IReadOnlyCollection<T> Items => _cache.Values.ToList();

    public static string KeyOf(T item) => $"{item.Metadata.NamespaceProperty}/{item.Metadata.Name}";

    public bool TryGet(string key, out T item) => _cache.TryGetValue(key, out item!);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var resourceVersion = await RelistAsync(cancellationToken).ConfigureAwait(false);
                resourceVersion = await WatchUntilBrokenAsync(resourceVersion, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                ControllersLog.InformerError(logger, resource, ex.Message);
            }

            try
            {
                await Task.Delay(RetryDelay, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<string> RelistAsync(CancellationToken cancellationToken)
    {
        var (items, resourceVersion) = await list(cancellationToken).ConfigureAwait(false);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = KeyOf(item);
            seen.Add(key);
            var known = _cache.ContainsKey(key);
            _cache[key] = item;
            Changed?.Invoke(known ? WatchEventType.Modified : WatchEventType.Added, item);
        }

        foreach (var (key, item) in _cache.ToArray())
        {
            if (!seen.Contains(key) && _cache.TryRemove(key, out _))
            {
                Changed?.Invoke(WatchEventType.Deleted, item);
            }
        }

        _synced.TrySetResult();
        return resourceVersion;
    }

    // Watches until the server ends the stream cleanly (then re-watches) or reports an error (then re-lists).
    private async Task<string> WatchUntilBrokenAsync(string resourceVersion, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Exception? failure = null;
            await foreach (var (type, item) in watch(resourceVersion, ex => failure = ex, cancellationToken).ConfigureAwait(false))
            {
                if (item?.Metadata is null)
                {
                    continue;
                }

                resourceVersion = item.Metadata.ResourceVersion ?? resourceVersion;
                if (type == WatchEventType.Bookmark)
                {
                    continue;
                }

                var key = KeyOf(item);
                if (type == WatchEventType.Deleted)
                {
                    _cache.TryRemove(key, out _);
                }
                else
                {
                    _cache[key] = item;
                }

                Changed?.Invoke(type, item);
            }

            if (failure is not null)
            {
                throw new InvalidOperationException($"watch of {resource} failed: {failure.Message}", failure);
            }
        }

        return resourceVersion;
    }
}
