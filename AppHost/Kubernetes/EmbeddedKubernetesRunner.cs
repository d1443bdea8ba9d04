using EmbeddedKubernetes;
using EmbeddedKubernetes.Controllers;
using EmbeddedKubernetes.Controllers.Pods;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AppHost.Kubernetes;

/// <summary>
/// Starts the embedded control plane for its resource, applies the manifests, publishes state and stops the cluster
/// (and with it every process pod) when the AppHost stops.
/// </summary>
internal sealed class EmbeddedKubernetesRunner(EmbeddedKubernetesResource resource, InitializeResourceEvent e)
{
    private readonly ILogger _logger = e.Logger;

    public async Task RunAsync()
    {
        var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        EmbeddedCluster? cluster = null;
        try
        {
            await e.Notifications.WaitForDependenciesAsync(resource, stopping);
            await PublishAsync(new ResourceStateSnapshot(KnownResourceStates.Starting, KnownResourceStateStyles.Info));
            await ResolvePodEnvironmentAsync(stopping);
            cluster = await StartClusterAsync(stopping);
            await e.Notifications.PublishUpdateAsync(resource, s => s with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.SpecifyKind(e.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, DateTimeKind.Utc),
                Urls = [new UrlSnapshot("api", cluster.Url.ToString(), IsInternal: false)],
            });
            KubernetesLog.ClusterStarted(_logger, cluster.Url, resource.KubeconfigPath);
            // The process pod runtime gives every pod the AppHost's environment itself (ResolvePodEnvironmentAsync).
            var values = await ((IKubernetesClusterResource)resource).Setup.ResolveAsync(new Dictionary<string, string>(), stopping);
            await new ManifestApplier(resource.KubeconfigPath, _logger).ApplyAsync(cluster.CreateClient, resource.Manifests, values, stopping);
            resource.IsReady = true;
            await Task.Delay(Timeout.Infinite, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            KubernetesLog.StartFailed(_logger, ex);
            await PublishAsync(new ResourceStateSnapshot($"Failed: {ex.Message}", KnownResourceStateStyles.Error));
        }
        finally
        {
            resource.IsReady = false;
            if (cluster is not null)
            {
                await cluster.DisposeAsync();
                await PublishAsync(new ResourceStateSnapshot(KnownResourceStates.Finished, KnownResourceStateStyles.Info));
            }
        }
    }

    private Task PublishAsync(ResourceStateSnapshot state) => e.Notifications.PublishUpdateAsync(resource, s => s with { State = state });

    private async Task ResolvePodEnvironmentAsync(CancellationToken cancellationToken)
    {
        var configuration = e.Services.GetRequiredService<IConfiguration>();
        // The pods run on this host, so they reach the dashboard's OTLP endpoint as the AppHost does.
        var otlp = Connections.DashboardAddresses.OtlpGrpc(e.Services.GetRequiredService<DistributedApplicationModel>(), configuration);
        var environment = await ((IKubernetesClusterResource)resource).Setup.ResolvePodEnvironmentAsync(otlp, configuration, cancellationToken);
        foreach (var template in resource.Pods.Images.Values)
        {
            foreach (var (name, value) in environment)
            {
                template.Environment.TryAdd(name, value);
            }
        }
    }

    private async Task<EmbeddedCluster> StartClusterAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(resource.KubeconfigPath)!);
        var time = e.Services.GetRequiredService<TimeProvider>();
        var options = new EmbeddedClusterOptions
        {
            KubeconfigPath = resource.KubeconfigPath,
            PodRuntime = PodRuntime.Process,
            TimeProvider = time,
        }.AddBuiltInControllers(manager => manager.PodRuntime = new ProcessPodRuntime(resource.Pods, time));
        return await EmbeddedCluster.StartAsync(options, cancellationToken);
    }
}
