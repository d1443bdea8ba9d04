using EmbeddedKubernetes.Controllers.Pods;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AppHost.Kubernetes;

/// <summary><c>AddEmbeddedKubernetes("kubernetes")</c> and the ways other resources plug into it.</summary>
public static class EmbeddedKubernetesBuilderExtensions
{
    public static IResourceBuilder<EmbeddedKubernetesResource> AddEmbeddedKubernetes(
        this IDistributedApplicationBuilder builder, string name, string kubeconfigPath)
    {
        var resource = new EmbeddedKubernetesResource(name, kubeconfigPath);
        var healthKey = $"{name}_manifests_applied";
        builder.Services.AddHealthChecks().AddCheck(
            healthKey,
            () => resource.IsReady
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("the control plane is starting or its manifests are not applied yet"));
        return builder.AddResource(resource)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "EmbeddedKubernetes",
                State = KnownResourceStates.NotStarted,
                Properties = [new("kubeconfig", kubeconfigPath)],
            })
            .WithHealthCheck(healthKey)
            .OnInitializeResource((cluster, e, cancellationToken) =>
            {
                // Runs for the AppHost's lifetime; the event handler itself must return.
                _ = new EmbeddedKubernetesRunner(cluster, e).RunAsync();
                return Task.CompletedTask;
            });
    }

    /// <summary>Runs pods whose container image is <paramref name="image"/> as <c>dotnet <paramref name="assembly"/></c>.</summary>
    public static IResourceBuilder<EmbeddedKubernetesResource> WithDotnetImage(
        this IResourceBuilder<EmbeddedKubernetesResource> builder, string image, string assembly)
    {
        builder.Resource.Pods.Images[image] = new ProcessTemplate
        {
            Executable = "dotnet",
            Arguments = [assembly],
            WorkingDirectory = Path.GetDirectoryName(assembly),
        };
        return builder;
    }

    /// <summary>Gives every process pod <c>ConnectionStrings__{name}</c> of <paramref name="source"/>, like WithReference does for a project.</summary>
    public static IResourceBuilder<EmbeddedKubernetesResource> WithPodReference(
        this IResourceBuilder<EmbeddedKubernetesResource> builder, IResourceBuilder<IResourceWithConnectionString> source)
    {
        builder.Resource.PodEnvironment[$"ConnectionStrings__{source.Resource.Name}"] = source.Resource.ConnectionStringExpression;
        return builder.WithReferenceRelationship(source.Resource);
    }
}
