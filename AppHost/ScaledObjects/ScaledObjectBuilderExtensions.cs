using AppHost.Kubernetes;
using AppHost.Operator;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AppHost.ScaledObjects;

/// <summary><c>AddScaledObjects(...)</c>: the sample's ScaledObjects as dashboard resources, children of <c>kubernetes</c>.</summary>
internal static class ScaledObjectBuilderExtensions
{
    /// <summary>
    /// Adds one resource per (ScaledObject name, target Deployment) of <paramref name="ns"/>; once the cluster is healthy a
    /// monitor keeps their state current from watches and the operator's decisions. Each has an <c>explain</c> command.
    /// </summary>
    public static IReadOnlyList<IResourceBuilder<ScaledObjectResource>> AddScaledObjects(
        this IDistributedApplicationBuilder builder,
        IResourceBuilder<IKubernetesClusterResource> cluster,
        IResourceBuilder<OperatorResource> @operator,
        string ns,
        params (string Name, string Target)[] scaledObjects)
    {
        var resources = scaledObjects.Select(so => builder.AddResource(new ScaledObjectResource(so.Name, ns, so.Target))
                .WithInitialState(new CustomResourceSnapshot
                {
                    ResourceType = "ScaledObject",
                    State = new ResourceStateSnapshot("waiting for the cluster", KnownResourceStateStyles.Info),
                    Properties = [new("namespace", ns), new("scaleTargetRef", so.Target)],
                })
                .WithParentRelationship(cluster)
                .WithReferenceRelationship(@operator)
                .WithCommand(
                    ExplainCommand.Name,
                    "Explain",
                    context => ExplainCommand.ExecuteAsync(
                        (ScaledObjectResource)builder.Resources.Single(r => r.Name == context.ResourceName), @operator.Resource, context.CancellationToken),
                    new CommandOptions { Description = "The operator's explain: status, conditions and its recent decisions in plain words", IconName = "QuestionCircle" }))
            .ToList();

        builder.Eventing.Subscribe<ResourceReadyEvent>(cluster.Resource, (e, cancellationToken) =>
        {
            var monitor = new ScaledObjectMonitor(
                [.. resources.Select(r => r.Resource)],
                () => @operator.Resource.MetricsEndpoint.IsAllocated ? new Uri(@operator.Resource.MetricsEndpoint.Url) : null,
                e.Services.GetRequiredService<ResourceNotificationService>(),
                e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AppHost.ScaledObjects"),
                e.Services.GetRequiredService<TimeProvider>());
            var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = RunAsync(monitor, cluster.Resource.KubeconfigPath, e.Services, stopping);
            return Task.CompletedTask;
        });
        return resources;
    }

    private static async Task RunAsync(ScaledObjectMonitor monitor, string kubeconfig, IServiceProvider services, CancellationToken stopping)
    {
        try
        {
            using var client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
            await monitor.RunAsync(client, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ScaledObjectLog.MonitorFailed(services.GetRequiredService<ILoggerFactory>().CreateLogger("AppHost.ScaledObjects"), ex);
        }
    }
}
