using System.Net;
using EmbeddedKubernetes.Controllers.Informers;
using k8s.Autorest;
using Microsoft.Extensions.Logging;

namespace EmbeddedKubernetes.Controllers;

/// <summary>
/// A controller driven by a work queue of "namespace/name" keys: reconciles one key at a time, retries conflicts
/// at once and other failures after a second (client-go's controller loop without rate limiting).
/// </summary>
internal abstract class QueueController(string name, ILogger logger, TimeProvider time)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ConflictDelay = TimeSpan.FromMilliseconds(50);

    protected WorkQueue Queue { get; } = new(time);

    protected TimeProvider Time => time;

    protected ILogger Logger => logger;

    public void Enqueue(string key) => Queue.Add(key);

    protected abstract Task ReconcileAsync(string key, CancellationToken cancellationToken);

    public Task RunAsync(CancellationToken cancellationToken) => Queue.RunAsync(SyncAsync, cancellationToken);

    private async Task SyncAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await ReconcileAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
        {
            Queue.AddAfter(key, ConflictDelay);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ControllersLog.SyncFailed(logger, name, key, ex is HttpOperationException http ? $"{ex.Message}: {http.Response.Content}" : ex.ToString());
            Queue.AddAfter(key, RetryDelay);
        }
    }
}
