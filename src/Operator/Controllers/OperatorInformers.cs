using k8s.Models;
using Kubernetes.Controller;
using Kubernetes.Controller.Informers;
using Operator.Api;
using Operator.Resolution;
using Operator.Validation;

namespace Operator.Controllers;

/// <summary>
/// The operator's informer caches: ScaledObjects, TriggerAuthentications, ClusterTriggerAuthentications, HPAs, the
/// Secrets, ConfigMaps and workloads ScaledObjects reference, and LimitRanges (cpu/memory checks). Everything the
/// reconcile, its validation and the loops read comes from here, through the same <see cref="IObjectsAtHand"/>
/// lookups <c>validate</c> answers from its input files; the RESTMapper is <see cref="ResourceDiscovery"/>'s cache.
/// </summary>
internal sealed class OperatorInformers(SharedInformers shared, ResourceDiscovery discovery) : IObjectsAtHand
{
    public SharedInformers Shared => shared;

    public ResourceInformer<ScaledObject> ScaledObjects { get; } =
        shared.Custom<ScaledObject, ScaledObjectList>(ScaledObject.KubeGroup, ScaledObject.KubeVersion, ScaledObject.KubePlural);

    public ResourceInformer<TriggerAuthentication> TriggerAuthentications { get; } =
        shared.Custom<TriggerAuthentication, TriggerAuthenticationList>(ScaledObject.KubeGroup, ScaledObject.KubeVersion, "triggerauthentications");

    public ResourceInformer<ClusterTriggerAuthentication> ClusterTriggerAuthentications { get; } =
        shared.Custom<ClusterTriggerAuthentication, ClusterTriggerAuthenticationList>(ScaledObject.KubeGroup, ScaledObject.KubeVersion,
            "clustertriggerauthentications", namespaced: false);

    // Created with the operator, not on first use, so the start-up sync covers them: an informer created by the first
    // reconcile has not listed yet, and its empty cache made a Deployment's env look unresolvable (a kafka trigger's
    // bootstrapServersFromEnv read as missing once at start-up).
    public ResourceInformer<V2HorizontalPodAutoscaler> Autoscalers { get; } = shared.Autoscalers;

    public ResourceInformer<V1Secret> Secrets { get; } = shared.Secrets;

    public ResourceInformer<V1ConfigMap> ConfigMaps { get; } = shared.ConfigMaps;

    public ResourceInformer<V1Deployment> Deployments { get; } = shared.Deployments;

    public ResourceInformer<V1StatefulSet> StatefulSets { get; } = shared.StatefulSets;

    public ResourceInformer<V1LimitRange> LimitRanges { get; } = shared.LimitRanges;

    public IEnumerable<ScaledObject> GetScaledObjects(string @namespace) => ScaledObjects.InNamespace(@namespace);

    public IEnumerable<V2HorizontalPodAutoscaler> GetHorizontalPodAutoscalers(string @namespace) => Autoscalers.InNamespace(@namespace);

    public IEnumerable<V1LimitRange> GetLimitRanges(string @namespace) => LimitRanges.InNamespace(@namespace);

    public WorkloadLookup GetWorkload(string @namespace, string gvkString, string name) => WorkloadLookup.Of(this, @namespace, gvkString, name);

    public string? ResolveResource(string group, string version, string kind) => discovery.Find(group, version, kind);

    public V1Deployment? FindDeployment(string @namespace, string name) => Find(Deployments, @namespace, name);

    public V1StatefulSet? FindStatefulSet(string @namespace, string name) => Find(StatefulSets, @namespace, name);

    public V1Secret? FindSecret(string @namespace, string name) => Find(Secrets, @namespace, name);

    public V1ConfigMap? FindConfigMap(string @namespace, string name) => Find(ConfigMaps, @namespace, name);

    public TriggerAuthenticationSpec? FindTriggerAuthentication(string @namespace, string name) =>
        Find(TriggerAuthentications, @namespace, name)?.Spec;

    public TriggerAuthenticationSpec? FindClusterTriggerAuthentication(string name) =>
        ClusterTriggerAuthentications.TryGet(ObjectKey.Of(null, name), out var auth) ? auth.Spec : null;

    private static T? Find<T>(ResourceInformer<T> informer, string ns, string name)
        where T : class, k8s.IKubernetesObject<V1ObjectMeta> => informer.TryGet(ObjectKey.Of(ns, name), out var item) ? item : null;
}
