using EmbeddedKubernetes.Controllers.Metrics;
using Kubernetes.Controller.Serving;

namespace EmbeddedKubernetes.Controllers;

/// <summary>
/// Wires the built-in controllers into an <see cref="EmbeddedCluster"/>: they start once the server listens, talk to it
/// through KubernetesClient, and serve metrics.k8s.io through an APIService (kube-system/metrics-server).
/// </summary>
public static class ClusterControllers
{
    public const string MetricsServiceNamespace = "kube-system";
    public const string MetricsServiceName = "metrics-server";

    /// <summary>
    /// Adds the controller manager to the cluster's background loops. The pod runtime the controllers end up with
    /// (the cluster's own, or one <paramref name="configure"/> sets) belongs to the cluster: its pods are stopped when
    /// the cluster stops, so no process pod outlives it.
    /// </summary>
    public static EmbeddedClusterOptions AddBuiltInControllers(this EmbeddedClusterOptions options, Action<ControllerManagerOptions>? configure = null)
    {
        options.RunsKubelet = true;
        options.Controllers.Add(async (cluster, cancellationToken) =>
        {
            var managerOptions = new ControllerManagerOptions { TimeProvider = options.TimeProvider };
            if (options.LoggerFactory is not null)
            {
                managerOptions.LoggerFactory = options.LoggerFactory;
            }

            configure?.Invoke(managerOptions);
            if (options.PodRuntime == PodRuntime.Process)
            {
                managerOptions.PodRuntime ??= new Pods.ProcessPodRuntime(new Pods.ProcessPodOptions(), options.TimeProvider);
            }

            try
            {
                await RunAsync(cluster, managerOptions, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // The manager disposes only a runtime it made itself (the stub); a runtime handed to it is stopped here.
                if (managerOptions.PodRuntime is { } runtime)
                {
                    await runtime.DisposeAsync().ConfigureAwait(false);
                }
            }
        });
        return options;
    }

    /// <summary>Runs the controller manager (and the metrics.k8s.io backend) against the cluster until cancelled.</summary>
    public static async Task RunAsync(EmbeddedCluster cluster, ControllerManagerOptions options, CancellationToken cancellationToken)
    {
        // From now on pods are deleted gracefully: the kubelet (once its caches sync) stops them and finishes the deletion.
        cluster.Objects.PodsHaveKubelet = options.RunKubelet;
        using var client = cluster.CreateClient();
        await using var manager = new ControllerManager(client, options);
        await using var metrics = await LocalApiServer.StartAsync(app => app.MapResourceMetrics(() => manager.Metrics), cancellationToken)
            .ConfigureAwait(false);
        await ApiServiceRegistration.RegisterAsync(client, MetricsApiEndpoints.Group, MetricsApiEndpoints.Version,
            MetricsServiceNamespace, MetricsServiceName, metrics.Port, cancellationToken).ConfigureAwait(false);
        using var logs = manager.PodRuntime is Logs.IPodLogSource source ? cluster.PodLogs.Attach(source) : null;
        await manager.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The cluster is stopping.
        }
        finally
        {
            cluster.Objects.PodsHaveKubelet = false;
        }
    }
}
