namespace AppHost.Kubernetes;

/// <summary>How other resources and settings plug into the <c>kubernetes</c> resource of either profile.</summary>
internal static class KubernetesClusterBuilderExtensions
{
    /// <summary>Applies a manifest file or folder (kustomize when it has a kustomization.yaml) once the cluster serves.</summary>
    public static IResourceBuilder<T> WithManifests<T>(this IResourceBuilder<T> builder, string path)
        where T : IKubernetesClusterResource
    {
        builder.Resource.Setup.Manifests.Add(path);
        return builder;
    }

    /// <summary>Applies several manifest files or folders, in order.</summary>
    public static IResourceBuilder<T> WithManifests<T>(this IResourceBuilder<T> builder, IEnumerable<string> paths)
        where T : IKubernetesClusterResource
    {
        builder.Resource.Setup.Manifests.AddRange(paths);
        return builder;
    }

    /// <summary>Sets <paramref name="name"/> in every pod's environment (the pod's own env still wins).</summary>
    public static IResourceBuilder<T> WithPodEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IKubernetesClusterResource
    {
        builder.Resource.Setup.PodEnvironment[name] = ReferenceExpression.Create($"{value}");
        return builder;
    }

    /// <summary>Sets one key of a Secret the manifests declare to <paramref name="value"/> in the documents applied, so no pod reads the file's value.</summary>
    public static IResourceBuilder<T> WithSecretValue<T>(this IResourceBuilder<T> builder, string ns, string name, string key, ReferenceExpression value)
        where T : IKubernetesClusterResource
    {
        builder.Resource.Setup.Values.Add(new ClusterValue("Secret", ns, name, key, value));
        return builder;
    }

    /// <summary>Sets one key of a ConfigMap the manifests declare to <paramref name="value"/> in the documents applied, so no pod reads the file's value.</summary>
    public static IResourceBuilder<T> WithConfigMapValue<T>(this IResourceBuilder<T> builder, string ns, string name, string key, ReferenceExpression value)
        where T : IKubernetesClusterResource
    {
        builder.Resource.Setup.Values.Add(new ClusterValue("ConfigMap", ns, name, key, value));
        return builder;
    }

    /// <summary>Sets <c>KUBECONFIG</c> for a program that talks to the cluster.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IKubernetesClusterResource> cluster)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment("KUBECONFIG", cluster.Resource.KubeconfigPath).WithReferenceRelationship(cluster.Resource);
}
