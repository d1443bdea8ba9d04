using EmbeddedKubernetes.Controllers;
using EmbeddedKubernetes.Controllers.Pods;

namespace EmbeddedKubernetes.Hosting;

/// <summary>Runs the built-in controllers (workloads, Job, HPA, kubelet) as a cluster loop, with the chosen pod runtime.</summary>
internal static class ControllerWiring
{
    public static Func<EmbeddedCluster, CancellationToken, Task> ControllerLoop(PodRuntime runtime) => async (cluster, cancellationToken) =>
    {
        var time = cluster.Options.TimeProvider;
        await using IPodRuntime pods = runtime == PodRuntime.Process
            ? new ProcessPodRuntime(new ProcessPodOptions(), time)
            : new StubPodRuntime(new StubPodOptions(), time);
        using var client = cluster.CreateClient();
        var options = new ControllerManagerOptions { PodRuntime = pods, TimeProvider = time };
        if (cluster.Options.LoggerFactory is { } loggers)
        {
            options.LoggerFactory = loggers;
        }

        await using var manager = new ControllerManager(client, options);
        await manager.StartAsync(cancellationToken);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The cluster is stopping.
        }
    };
}
