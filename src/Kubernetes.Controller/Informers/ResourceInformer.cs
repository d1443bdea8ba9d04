using System.Collections.Concurrent;
using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Kubernetes.Controller.Informers;

/// <summary>
/// A list+watch cache of one resource, like client-go's reflector + informer: lists, then watches from the list's
/// resourceVersion; when a watch ends or breaks it resumes from the last resourceVersion seen, re-listing only when
/// the server answers 410 Gone (Expired); failures back off exponentially (API server restarting). Items are keyed
/// "namespace/name" ("name" for cluster-scoped objects).
/// </summary>
public sealed class ResourceInformer<T> : IResourceInformer
    where T : IKubernetesObject<V1ObjectMeta>
{
    private readonly ConcurrentDictionary<string, T> _cache = new(StringComparer.Ordinal);

    // client-go's namespace index: "namespace" ("" for cluster-scoped objects) → key → object.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, T>> _byNamespace = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<CancellationToken, Task<(IList<T> Items, string ResourceVersion)>> _list;
    private readonly Func<string, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> _watch;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Backoff _backoff;

    public ResourceInformer(
        string resource,
        Func<CancellationToken, Task<(IList<T> Items, string ResourceVersion)>> list,
        Func<string, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> watch,
        ILogger logger,
        TimeProvider time,
        InformerOptions? options = null)
    {
        Resource = resource;
        _list = list;
        _watch = watch;
        _logger = logger;
        _time = time;
        options ??= new InformerOptions();
        _backoff = new Backoff(options.InitialRetryDelay, options.MaxRetryDelay);
    }

    public string Resource { get; }

    /// <summary>Called for every change, after the cache is updated (type Added, Modified or Deleted); re-lists report every item.</summary>
    public event Action<WatchEventType, T>? Changed;

    /// <summary>
    /// Called for additions, deletions and updates that change more than status: controllers that write status
    /// subscribe here so their own status writes (and unchanged re-lists) do not re-trigger them.
    /// </summary>
    public event Action<WatchEventType, T>? SpecChanged;

    public Task Synced => _synced.Task;

    /// <summary>How many times the informer listed (the first list included); a test hook for resume vs re-list.</summary>
    public int ListCount { get; private set; }

    /// <summary>
    /// Every cached object, enumerated live without a copy (safe while the informer writes: an object changed during
    /// the enumeration shows its old or its new version, never twice). Materialize it when you need a fixed set.
    /// </summary>
    public IEnumerable<T> Items => _cache.Select(p => p.Value);

    /// <summary>The cached objects of one namespace, from the namespace index (no scan, no copy).</summary>
    public IEnumerable<T> InNamespace(string? @namespace) =>
        _byNamespace.TryGetValue(@namespace ?? "", out var objects) ? objects.Select(p => p.Value) : [];

    public int Count => _cache.Count;

    public bool TryGet(string key, out T item) => _cache.TryGetValue(key, out item!);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        string? resourceVersion = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                resourceVersion ??= await RelistAsync(cancellationToken).ConfigureAwait(false);
                var (next, received) = await WatchAsync(resourceVersion, cancellationToken).ConfigureAwait(false);
                resourceVersion = next;
                if (received)
                {
                    _backoff.Reset();
                    continue;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (IsGone(ex))
            {
                // 410: the resourceVersion is older than the server keeps; only a fresh list can resync.
                InformerLog.Expired(_logger, Resource);
                resourceVersion = null;
                continue;
            }
            catch (Exception ex)
            {
                InformerLog.Failed(_logger, Resource, ex.Message);
            }

            try
            {
                await Task.Delay(_backoff.Next(), _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal static bool IsGone(Exception ex) => ex switch
    {
        KubernetesException k => k.Status?.Code == (int)HttpStatusCode.Gone,
        HttpOperationException http => http.Response?.StatusCode == HttpStatusCode.Gone,
        _ => ex.InnerException is not null && IsGone(ex.InnerException),
    };

    internal static bool SpecDiffers(T? previous, T current)
    {
        if (previous is null)
        {
            return true;
        }

        var a = previous.Metadata;
        var b = current.Metadata;
        if (a.ResourceVersion == b.ResourceVersion && a.ResourceVersion is not null)
        {
            return false;
        }

        // Objects without a generation (Secrets, ConfigMaps, Pods) have no status split: every write counts.
        if (a.Generation is null or 0 || b.Generation is null or 0 || a.Generation != b.Generation)
        {
            return true;
        }

        return !SameMap(a.Labels, b.Labels) || !SameMap(a.Annotations, b.Annotations)
            || a.DeletionTimestamp != b.DeletionTimestamp
            || !(a.Finalizers ?? []).SequenceEqual(b.Finalizers ?? [], StringComparer.Ordinal);
    }

    private static bool SameMap(IDictionary<string, string>? a, IDictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a is null || a.All(p => b!.TryGetValue(p.Key, out var v) && v == p.Value));

    private async Task<string> RelistAsync(CancellationToken cancellationToken)
    {
        var (items, resourceVersion) = await _list(cancellationToken).ConfigureAwait(false);
        ListCount++;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = ObjectKey.Of(item.Metadata);
            seen.Add(key);
            _cache.TryGetValue(key, out var previous);
            Store(key, item);
            Raise(previous is null ? WatchEventType.Added : WatchEventType.Modified, item, previous);
        }

        foreach (var (key, item) in _cache.ToArray())
        {
            if (!seen.Contains(key) && Remove(key, item))
            {
                Raise(WatchEventType.Deleted, item, item);
            }
        }

        _synced.TrySetResult();
        return resourceVersion;
    }

    // Watches until the server ends the stream (returns the last resourceVersion to resume from and whether anything
    // arrived: an empty stream backs off like a failure) or it breaks (throws).
    private async Task<(string ResourceVersion, bool Received)> WatchAsync(string resourceVersion, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        var received = false;
        await foreach (var (type, item) in _watch(resourceVersion, ex => failure ??= ex, cancellationToken).ConfigureAwait(false))
        {
            if (type == WatchEventType.Error)
            {
                continue;
            }

            if (item?.Metadata is null)
            {
                continue;
            }

            received = true;
            resourceVersion = item.Metadata.ResourceVersion ?? resourceVersion;
            if (type == WatchEventType.Bookmark)
            {
                continue;
            }

            var key = ObjectKey.Of(item.Metadata);
            _cache.TryGetValue(key, out var previous);
            if (type == WatchEventType.Deleted)
            {
                Remove(key, previous ?? item);
            }
            else
            {
                Store(key, item);
            }

            Raise(type, item, previous);
        }

        if (failure is not null)
        {
            throw new InvalidOperationException($"watch of {Resource} failed: {failure.Message}", failure);
        }

        return (resourceVersion, received);
    }

    // One writer (the RunAsync loop) keeps the cache and the namespace index in step.
    private void Store(string key, T item)
    {
        _cache[key] = item;
        _byNamespace.GetOrAdd(item.Metadata.NamespaceProperty ?? "", _ => new ConcurrentDictionary<string, T>(StringComparer.Ordinal))[key] = item;
    }

    private bool Remove(string key, T item)
    {
        if (_byNamespace.TryGetValue(item.Metadata.NamespaceProperty ?? "", out var objects))
        {
            objects.TryRemove(key, out _);
        }

        return _cache.TryRemove(key, out _);
    }

    private void Raise(WatchEventType type, T item, T? previous)
    {
        Changed?.Invoke(type, item);
        if (type != WatchEventType.Modified || SpecDiffers(previous, item))
        {
            SpecChanged?.Invoke(type, item);
        }
    }
}
