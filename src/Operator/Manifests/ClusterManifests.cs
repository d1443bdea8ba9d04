using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using Operator.Api;
using Operator.Resolution;

namespace Operator.Manifests;

/// <summary>
/// Reads from a live cluster, through KubernetesClient, the objects <c>validate --kubeconfig</c> checks references
/// against: in each namespace of the input's ScaledObjects/ScaledJobs their ScaledObjects, HPAs, LimitRanges,
/// Deployments, StatefulSets, TriggerAuthentications, Secrets and ConfigMaps; the ClusterTriggerAuthentications; and
/// the Secrets/ConfigMaps of the cluster object namespace. The input's objects are applied over them. Absent then
/// means missing, as for KEDA's controller, and scale target kinds map through the cluster's API discovery
/// (<see cref="ResourceDiscovery"/>, the operator's RESTMapper). Secret values only feed resolution (and the
/// redactor); they are never printed.
/// </summary>
internal static class ClusterManifests
{
    private static readonly ManifestLocation Cluster = new("cluster", 0, 0);

    public static async Task<ManifestSet> ReadAsync(
        IKubernetes client, ManifestSet input, string clusterObjectNamespace, TimeProvider time, CancellationToken cancellationToken)
    {
        var discovery = new ResourceDiscovery(client, time);
        var set = new ManifestSet { AbsentMeansMissing = true, Discovery = discovery };
        var scoped = input.ScaledObjects.Select(s => s.Object.Metadata.NamespaceProperty)
            .Concat(input.ScaledJobs.Select(j => j.Object.Metadata.NamespaceProperty)).Distinct(StringComparer.Ordinal).ToList();
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
        set.AddRange(input);
        await DiscoverScaleTargetKindsAsync(set, discovery, cancellationToken).ConfigureAwait(false);
        return set;
    }

    // The checks map the kinds of every ScaledObject's and HPA's target (conflicts compare them): discovered up front,
    // so the RESTMapper answers from its cache as the operator's does.
    private static async Task DiscoverScaleTargetKindsAsync(ManifestSet set, ResourceDiscovery discovery, CancellationToken cancellationToken)
    {
        var targets = set.ScaledObjects.Select(s => (s.Object.Spec.ScaleTargetRef?.ApiVersion, s.Object.Spec.ScaleTargetRef?.Kind))
            .Concat(set.HorizontalPodAutoscalers.Select(h => (h.Object.Spec?.ScaleTargetRef?.ApiVersion, h.Object.Spec?.ScaleTargetRef?.Kind)))
            .Distinct();
        foreach (var (apiVersion, kind) in targets)
        {
            await discovery.DiscoverAsync(apiVersion, kind, cancellationToken).ConfigureAwait(false);
        }
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
