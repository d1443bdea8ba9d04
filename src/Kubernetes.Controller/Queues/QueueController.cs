using System.Collections.Concurrent;
using System.Net;
using k8s.Autorest;
using Microsoft.Extensions.Logging;

namespace Kubernetes.Controller.Queues;

/// <summary>
/// A controller driven by a work queue of "namespace/name" keys (client-go's controller loop): reconciles a key on
/// one worker at a time, retries a 409 Conflict almost at once and other failures with per-key exponential backoff,
/// and forgets a key's failures once it syncs. A reconcile that handled a failure itself (wrote a condition, say)
/// asks for the same backoff with <see cref="RetryWithBackoff"/>, as a controller-runtime reconciler returns its error.
/// </summary>
public abstract class QueueController(string name, ILogger logger, TimeProvider time, RateLimiterOptions? rateLimit = null)
{
    private static readonly TimeSpan ConflictDelay = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, byte> _retries = new(StringComparer.Ordinal);

    protected WorkQueue Queue { get; } = new(time, rateLimit ?? new RateLimiterOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(30) });

    protected TimeProvider Time => time;

    protected ILogger Logger => logger;

    public string Name => name;

    public void Enqueue(string key) => Queue.Add(key);

    protected abstract Task ReconcileAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the key being reconciled as failed: once <see cref="ReconcileAsync"/> returns, it comes back after the
    /// key's next exponential delay instead of having its failures forgotten.
    /// </summary>
    protected void RetryWithBackoff(string key) => _retries[key] = 0;

    public Task RunAsync(CancellationToken cancellationToken) => RunAsync(1, cancellationToken);

    public Task RunAsync(int workers, CancellationToken cancellationToken) => Queue.RunAsync(SyncAsync, cancellationToken, workers);

    private async Task SyncAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            _retries.TryRemove(key, out _);
            await ReconcileAsync(key, cancellationToken).ConfigureAwait(false);
            if (_retries.TryRemove(key, out _))
            {
                Queue.AddRateLimited(key);
            }
            else
            {
                Queue.Forget(key);
            }
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
        {
            Queue.AddAfter(key, ConflictDelay);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var delay = Queue.AddRateLimited(key);
            QueueLog.SyncFailed(logger, name, key, delay.TotalMilliseconds,
                ex is HttpOperationException http ? $"{ex.Message}: {http.Response.Content}" : ex.ToString());
        }
    }
}
