using k8s.Models;
using Kubernetes.Controller.Informers;
using Operator.Api;
using Operator.Manifests;

namespace Operator.Controllers;

/// <summary>
/// The operator's informer caches: ScaledObjects, TriggerAuthentications, ClusterTriggerAuthentications, HPAs, and the
/// Secrets, ConfigMaps and workloads ScaledObjects reference. Everything the reconcile and the loops read comes from here.
/// </summary>
internal sealed class OperatorInformers(SharedInformers shared, string clusterObjectNamespace)
{
    public SharedInformers Shared => shared;

    public ResourceInformer<ScaledObject> ScaledObjects { get; } =
        shared.Custom<ScaledObject, ScaledObjectList>(ScaledObject.KubeGroup, ScaledObject.KubeVersion, ScaledObject.KubePlural);

    public ResourceInformer<TriggerAuthentication> TriggerAuthentications { get; } =
        shared.Custom<TriggerAuthentication, TriggerAuthenticationList>(ScaledObject.KubeGroup, ScaledObject.KubeVersion, "triggerauthentications");

    public ResourceInformer<ClusterTriggerAuthentication> ClusterTriggerAuthentications { get; } =
        shared.Custom<ClusterTriggerAuthentication, ClusterTriggerAuthenticationList>(ScaledObject.KubeGroup, ScaledObject.KubeVersion,
            "clustertriggerauthentications", namespaced: false);

    public ResourceInformer<V2HorizontalPodAutoscaler> Autoscalers => shared.Autoscalers;

    public ResourceInformer<V1Secret> Secrets => shared.Secrets;

    public ResourceInformer<V1ConfigMap> ConfigMaps => shared.ConfigMaps;

    public ResourceInformer<V1Deployment> Deployments => shared.Deployments;

    public ResourceInformer<V1StatefulSet> StatefulSets => shared.StatefulSets;

    /// <summary>
    /// The cached objects of one namespace (plus the cluster objects' namespace) as the set resolution reads: the same
    /// lookups <c>validate</c> answers from its input files, answered from the caches.
    /// </summary>
    public ManifestSet Snapshot(string ns)
    {
        var set = new ManifestSet();
        var here = new ManifestLocation("cluster", 0, 0);
        bool InScope(V1ObjectMeta meta) => meta.NamespaceProperty == ns || meta.NamespaceProperty == clusterObjectNamespace;
        set.Secrets.AddRange(Secrets.Items.Where(s => InScope(s.Metadata)).Select(s => new Located<V1Secret>(s, here)));
        set.ConfigMaps.AddRange(ConfigMaps.Items.Where(c => InScope(c.Metadata)).Select(c => new Located<V1ConfigMap>(c, here)));
        set.TriggerAuthentications.AddRange(TriggerAuthentications.Items.Where(t => t.Metadata.NamespaceProperty == ns)
            .Select(t => new Located<TriggerAuthentication>(t, here)));
        set.ClusterTriggerAuthentications.AddRange(ClusterTriggerAuthentications.Items.Select(t => new Located<ClusterTriggerAuthentication>(t, here)));
        set.Deployments.AddRange(Deployments.Items.Where(d => d.Metadata.NamespaceProperty == ns).Select(d => new Located<V1Deployment>(d, here)));
        set.StatefulSets.AddRange(StatefulSets.Items.Where(s => s.Metadata.NamespaceProperty == ns).Select(s => new Located<V1StatefulSet>(s, here)));
        set.ScaledObjects.AddRange(ScaledObjects.Items.Where(s => s.Metadata.NamespaceProperty == ns).Select(s => new Located<ScaledObject>(s, here)));
        set.HorizontalPodAutoscalers.AddRange(Autoscalers.Items.Where(h => h.Metadata.NamespaceProperty == ns)
            .Select(h => new Located<V2HorizontalPodAutoscaler>(h, here)));
        return set;
    }
}
