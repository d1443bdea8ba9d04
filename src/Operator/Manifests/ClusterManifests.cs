using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using Operator.Api;

namespace Operator.Manifests;

/// <summary>
/// Reads from a live cluster, through KubernetesClient, the objects <c>validate --kubeconfig</c> checks references
/// against: in each namespace of the input's ScaledObjects/ScaledJobs their ScaledObjects, HPAs, LimitRanges,
/// Deployments, StatefulSets, TriggerAuthentications, Secrets and ConfigMaps; the ClusterTriggerAuthentications; and
/// the Secrets/ConfigMaps of the cluster object namespace. Absent then means missing, as for KEDA's controller.
/// Secret values only feed resolution (and the redactor); they are never printed.
/// </summary>
internal static class ClusterManifests
{
    private static readonly ManifestLocation Cluster = new("cluster", 0, 0);

    public static async Task<ManifestSet> ReadAsync(
        IKubernetes client, IEnumerable<string> namespaces, string clusterObjectNamespace, CancellationToken cancellationToken)
    {
        var set = new ManifestSet { AbsentMeansMissing = true };
        var scoped = namespaces.Distinct(StringComparer.Ordinal).ToList();
        foreach (var ns in scoped)
        {
            set.ScaledObjects.AddRange(Located(await ListKedaAsync<ScaledObjectList, ScaledObject>(client, ns, ScaledObject.KubePlural, cancellationToken).ConfigureAwait(false)));
            set.TriggerAuthentications.AddRange(Located(
                await ListKedaAsync<TriggerAuthenticationList, TriggerAuthentication>(client, ns, "triggerauthentications", cancellationToken).ConfigureAwait(false)));
            set.Deployments.AddRange(Located((await client.AppsV1.ListNamespacedDeploymentAsync(ns, cancellationToken: cancellationToken).ConfigureAwait(false)).Items));
            set.StatefulSets.AddRange(Located((await client.AppsV1.ListNamespacedStatefulSetAsync(ns, cancellationToken: cancellationToken).ConfigureAwait(false)).Items));
            set.HorizontalPodAutoscalers.AddRange(Located(
                (await client.AutoscalingV2.ListNamespacedHorizontalPodAutoscalerAsync(ns, cancellationToken: cancellationToken).ConfigureAwait(false)).Items));
            set.LimitRanges.AddRange(Located(await OrEmptyAsync(async () =>
                (await client.CoreV1.ListNamespacedLimitRangeAsync(ns, cancellationToken: cancellationToken).ConfigureAwait(false)).Items).ConfigureAwait(false)));
        }

        foreach (var ns in scoped.Append(clusterObjectNamespace).Distinct(StringComparer.Ordinal))
        {
            set.Secrets.AddRange(Located((await client.CoreV1.ListNamespacedSecretAsync(ns, cancellationToken: cancellationToken).ConfigureAwait(false)).Items));
            set.ConfigMaps.AddRange(Located((await client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: cancellationToken).ConfigureAwait(false)).Items));
        }

        var clusterAuths = await OrEmptyAsync(async () => ItemsOf<ClusterTriggerAuthenticationList, ClusterTriggerAuthentication>(
            await client.CustomObjects.ListClusterCustomObjectAsync(ScaledObject.KubeGroup, ScaledObject.KubeVersion, "clustertriggerauthentications",
                cancellationToken: cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
        set.ClusterTriggerAuthentications.AddRange(Located(clusterAuths));
        return set;
    }

    private static Task<IList<T>> ListKedaAsync<TList, T>(IKubernetes client, string ns, string plural, CancellationToken cancellationToken)
        where TList : KedaResourceList<T> =>
        OrEmptyAsync(async () => ItemsOf<TList, T>(await client.CustomObjects.ListNamespacedCustomObjectAsync(
            ScaledObject.KubeGroup, ScaledObject.KubeVersion, ns, plural, cancellationToken: cancellationToken).ConfigureAwait(false)));

    private static IList<T> ItemsOf<TList, T>(object raw)
        where TList : KedaResourceList<T> =>
        KedaJson.Deserialize<TList>((JsonElement)raw)?.Items ?? [];

    // A resource the cluster does not serve (KEDA's CRDs not installed, no LimitRanges) holds no objects.
    private static async Task<IList<T>> OrEmptyAsync<T>(Func<Task<IList<T>>> list)
    {
        try
        {
            return await list().ConfigureAwait(false);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }
    }

    private static IEnumerable<Located<T>> Located<T>(IEnumerable<T> items) => items.Select(i => new Located<T>(i, Cluster));
}
