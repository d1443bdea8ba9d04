using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace EmbeddedKubernetes.Controllers.Informers;

/// <summary>One informer per resource, shared by every controller of a manager (client-go's SharedInformerFactory).</summary>
internal sealed class SharedInformers(IKubernetes client, ILogger logger, TimeProvider time)
{
    public ResourceInformer<V1Pod> Pods { get; } = new("pods",
        async ct => Items(await client.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false), "v1", "Pod"),
        (rv, onError, ct) => Tag(client.CoreV1.WatchListPodForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct), "v1", "Pod"),
        logger, time);

    public ResourceInformer<V1ReplicaSet> ReplicaSets { get; } = new("replicasets",
        async ct => Items(await client.AppsV1.ListReplicaSetForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false), "apps/v1", "ReplicaSet"),
        (rv, onError, ct) => Tag(client.AppsV1.WatchListReplicaSetForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct), "apps/v1", "ReplicaSet"),
        logger, time);

    public ResourceInformer<V1Deployment> Deployments { get; } = new("deployments",
        async ct => Items(await client.AppsV1.ListDeploymentForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false), "apps/v1", "Deployment"),
        (rv, onError, ct) => Tag(client.AppsV1.WatchListDeploymentForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct), "apps/v1", "Deployment"),
        logger, time);

    public ResourceInformer<V1StatefulSet> StatefulSets { get; } = new("statefulsets",
        async ct => Items(await client.AppsV1.ListStatefulSetForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false), "apps/v1", "StatefulSet"),
        (rv, onError, ct) => Tag(client.AppsV1.WatchListStatefulSetForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct), "apps/v1", "StatefulSet"),
        logger, time);

    public ResourceInformer<V1Job> Jobs { get; } = new("jobs",
        async ct => Items(await client.BatchV1.ListJobForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false), "batch/v1", "Job"),
        (rv, onError, ct) => Tag(client.BatchV1.WatchListJobForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct), "batch/v1", "Job"),
        logger, time);

    public ResourceInformer<V2HorizontalPodAutoscaler> Autoscalers { get; } = new("horizontalpodautoscalers",
        async ct => Items(await client.AutoscalingV2.ListHorizontalPodAutoscalerForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false),
            "autoscaling/v2", "HorizontalPodAutoscaler"),
        (rv, onError, ct) => Tag(client.AutoscalingV2.WatchListHorizontalPodAutoscalerForAllNamespacesAsync(
            allowWatchBookmarks: true, resourceVersion: rv, onError: onError, cancellationToken: ct), "autoscaling/v2", "HorizontalPodAutoscaler"),
        logger, time);

    private static async IAsyncEnumerable<(WatchEventType, T)> Tag<T>(IAsyncEnumerable<(WatchEventType, T)> events, string apiVersion, string kind)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        await foreach (var (type, item) in events.ConfigureAwait(false))
        {
            if (item is not null)
            {
                item.ApiVersion ??= apiVersion;
                item.Kind ??= kind;
            }

            yield return (type, item!);
        }
    }

    // List items come without kind/apiVersion; events and owner references need them.
    private static (IList<T> Items, string ResourceVersion) Items<T>(IItems<T> list, string apiVersion, string kind)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        foreach (var item in list.Items)
        {
            item.ApiVersion ??= apiVersion;
            item.Kind ??= kind;
        }

        return (list.Items, ((IMetadata<V1ListMeta>)list).Metadata?.ResourceVersion ?? "");
    }
}
