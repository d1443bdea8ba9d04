using Microsoft.Extensions.Hosting;

namespace EmbeddedKubernetes.Hosting;

/// <summary>The cluster is a component: its owner decides when it stops, so it never listens for Ctrl+C or SIGTERM itself.</summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
