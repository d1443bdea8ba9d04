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

    /// <summary>Applies a manifest file or folder (kustomize when it has a kustomization.yaml) once the cluster serves.</summary>
    public static IResourceBuilder<EmbeddedKubernetesResource> WithManifests(
        this IResourceBuilder<EmbeddedKubernetesResource> builder, string path)
    {
        builder.Resource.Manifests.Add(path);
        return builder;
    }

    /// <summary>Applies several manifest files or folders, in order.</summary>
    public static IResourceBuilder<EmbeddedKubernetesResource> WithManifests(
        this IResourceBuilder<EmbeddedKubernetesResource> builder, IEnumerable<string> paths)
    {
        builder.Resource.Manifests.AddRange(paths);
        return builder;
    }

    /// <summary>Sets <paramref name="name"/> in every process pod's environment (the pod's own env still wins).</summary>
    public static IResourceBuilder<EmbeddedKubernetesResource> WithPodEnvironment(
        this IResourceBuilder<EmbeddedKubernetesResource> builder, string name, string value)
    {
        builder.Resource.PodEnvironment[name] = ReferenceExpression.Create($"{value}");
        return builder;
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

    /// <summary>Sets one key of a Secret (created by the manifests) to <paramref name="value"/> once the manifests are applied.</summary>
    public static IResourceBuilder<EmbeddedKubernetesResource> WithSecretValue(
        this IResourceBuilder<EmbeddedKubernetesResource> builder, string ns, string name, string key, ReferenceExpression value)
    {
        builder.Resource.ValuePatches.Add(new ClusterValuePatch("Secret", ns, name, key, value));
        return builder;
    }

    /// <summary>Sets one key of a ConfigMap (created by the manifests) to <paramref name="value"/> once the manifests are applied.</summary>
    public static IResourceBuilder<EmbeddedKubernetesResource> WithConfigMapValue(
        this IResourceBuilder<EmbeddedKubernetesResource> builder, string ns, string name, string key, ReferenceExpression value)
    {
        builder.Resource.ValuePatches.Add(new ClusterValuePatch("ConfigMap", ns, name, key, value));
        return builder;
    }

    /// <summary>Sets <c>KUBECONFIG</c> for a program that talks to the cluster.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<EmbeddedKubernetesResource> cluster)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment("KUBECONFIG", cluster.Resource.KubeconfigPath).WithReferenceRelationship(cluster.Resource);
}
