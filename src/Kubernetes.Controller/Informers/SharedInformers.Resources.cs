using System.Text.Json;
using k8s;
using k8s.Models;

namespace Kubernetes.Controller.Informers;

/// <summary>The informers of the resources controllers here watch, all-namespaces or limited to the watch namespace.</summary>
public sealed partial class SharedInformers
{
    public ResourceInformer<V1Pod> Pods => For("pods",
        async ct => Items(watchNamespace is null
            ? await client.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false)
            : await client.CoreV1.ListNamespacedPodAsync(watchNamespace, cancellationToken: ct).ConfigureAwait(false), "v1", "Pod"),
        (rv, onError, ct) => Tag(watchNamespace is null
            ? client.CoreV1.WatchListPodForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct)
            : client.CoreV1.WatchListNamespacedPodAsync(watchNamespace, allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct),
            "v1", "Pod"));

    public ResourceInformer<V1Secret> Secrets => For("secrets",
        async ct => Items(watchNamespace is null
            ? await client.CoreV1.ListSecretForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false)
            : await client.CoreV1.ListNamespacedSecretAsync(watchNamespace, cancellationToken: ct).ConfigureAwait(false), "v1", "Secret"),
        (rv, onError, ct) => Tag(watchNamespace is null
            ? client.CoreV1.WatchListSecretForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct)
            : client.CoreV1.WatchListNamespacedSecretAsync(watchNamespace, allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct),
            "v1", "Secret"));

    public ResourceInformer<V1ConfigMap> ConfigMaps => For("configmaps",
        async ct => Items(watchNamespace is null
            ? await client.CoreV1.ListConfigMapForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false)
            : await client.CoreV1.ListNamespacedConfigMapAsync(watchNamespace, cancellationToken: ct).ConfigureAwait(false), "v1", "ConfigMap"),
        (rv, onError, ct) => Tag(watchNamespace is null
            ? client.CoreV1.WatchListConfigMapForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct)
            : client.CoreV1.WatchListNamespacedConfigMapAsync(watchNamespace, allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct),
            "v1", "ConfigMap"));

    public ResourceInformer<V1LimitRange> LimitRanges => For("limitranges",
        async ct => Items(watchNamespace is null
            ? await client.CoreV1.ListLimitRangeForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false)
            : await client.CoreV1.ListNamespacedLimitRangeAsync(watchNamespace, cancellationToken: ct).ConfigureAwait(false), "v1", "LimitRange"),
        (rv, onError, ct) => Tag(watchNamespace is null
            ? client.CoreV1.WatchListLimitRangeForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct)
            : client.CoreV1.WatchListNamespacedLimitRangeAsync(watchNamespace, allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct),
            "v1", "LimitRange"));

    public ResourceInformer<V1ReplicaSet> ReplicaSets => For("replicasets",
        async ct => Items(watchNamespace is null
            ? await client.AppsV1.ListReplicaSetForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false)
            : await client.AppsV1.ListNamespacedReplicaSetAsync(watchNamespace, cancellationToken: ct).ConfigureAwait(false), "apps/v1", "ReplicaSet"),
        (rv, onError, ct) => Tag(watchNamespace is null
            ? client.AppsV1.WatchListReplicaSetForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct)
            : client.AppsV1.WatchListNamespacedReplicaSetAsync(watchNamespace, allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct),
            "apps/v1", "ReplicaSet"));

    public ResourceInformer<V1Deployment> Deployments => For("deployments",
        async ct => Items(watchNamespace is null
            ? await client.AppsV1.ListDeploymentForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false)
            : await client.AppsV1.ListNamespacedDeploymentAsync(watchNamespace, cancellationToken: ct).ConfigureAwait(false), "apps/v1", "Deployment"),
        (rv, onError, ct) => Tag(watchNamespace is null
            ? client.AppsV1.WatchListDeploymentForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct)
            : client.AppsV1.WatchListNamespacedDeploymentAsync(watchNamespace, allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct),
            "apps/v1", "Deployment"));

    public ResourceInformer<V1StatefulSet> StatefulSets => For("statefulsets",
        async ct => Items(watchNamespace is null
            ? await client.AppsV1.ListStatefulSetForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false)
            : await client.AppsV1.ListNamespacedStatefulSetAsync(watchNamespace, cancellationToken: ct).ConfigureAwait(false), "apps/v1", "StatefulSet"),
        (rv, onError, ct) => Tag(watchNamespace is null
            ? client.AppsV1.WatchListStatefulSetForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct)
            : client.AppsV1.WatchListNamespacedStatefulSetAsync(watchNamespace, allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct),
            "apps/v1", "StatefulSet"));

    public ResourceInformer<V1Job> Jobs => For("jobs",
        async ct => Items(watchNamespace is null
            ? await client.BatchV1.ListJobForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false)
            : await client.BatchV1.ListNamespacedJobAsync(watchNamespace, cancellationToken: ct).ConfigureAwait(false), "batch/v1", "Job"),
        (rv, onError, ct) => Tag(watchNamespace is null
            ? client.BatchV1.WatchListJobForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct)
            : client.BatchV1.WatchListNamespacedJobAsync(watchNamespace, allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct),
            "batch/v1", "Job"));

    public ResourceInformer<V2HorizontalPodAutoscaler> Autoscalers => For("horizontalpodautoscalers",
        async ct => Items(watchNamespace is null
            ? await client.AutoscalingV2.ListHorizontalPodAutoscalerForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false)
            : await client.AutoscalingV2.ListNamespacedHorizontalPodAutoscalerAsync(watchNamespace, cancellationToken: ct).ConfigureAwait(false),
            "autoscaling/v2", "HorizontalPodAutoscaler"),
        (rv, onError, ct) => Tag(watchNamespace is null
            ? client.AutoscalingV2.WatchListHorizontalPodAutoscalerForAllNamespacesAsync(
                allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct)
            : client.AutoscalingV2.WatchListNamespacedHorizontalPodAutoscalerAsync(
                watchNamespace, allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct),
            "autoscaling/v2", "HorizontalPodAutoscaler"));

    /// <summary>
    /// An informer of a custom resource (<paramref name="plural"/>.<paramref name="group"/>/<paramref name="version"/>).
    /// <paramref name="namespaced"/> false for cluster-scoped resources (never limited to the watch namespace).
    /// </summary>
    public ResourceInformer<T> Custom<T, TList>(string group, string version, string plural, bool namespaced = true)
        where T : IKubernetesObject<V1ObjectMeta>
        where TList : IItems<T>, IMetadata<V1ListMeta>
    {
        var ns = namespaced ? watchNamespace : null;
        return For<T>($"{plural}.{group}",
            async ct =>
            {
                using var response = ns is null
                    ? await client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync<TList>(group, version, plural, cancellationToken: ct)
                        .ConfigureAwait(false)
                    : await client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<TList>(group, version, ns, plural, cancellationToken: ct)
                        .ConfigureAwait(false);
                return (response.Body.Items, response.Body.Metadata?.ResourceVersion ?? "");
            },
            (rv, onError, ct) => Typed<T>(ns is null
                ? client.CustomObjects.WatchListClusterCustomObjectAsync(group, version, plural,
                    allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct)
                : client.CustomObjects.WatchListNamespacedCustomObjectAsync(group, version, ns, plural,
                    allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct)));
    }

    private static async IAsyncEnumerable<(WatchEventType, T)> Typed<T>(IAsyncEnumerable<(WatchEventType, object)> events)
    {
        await foreach (var (type, item) in events.ConfigureAwait(false))
        {
            yield return (type, item switch
            {
                T typed => typed,
                JsonElement json => KubernetesJson.Deserialize<T>(json.GetRawText()),
                _ => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(item)),
            });
        }
    }
}
