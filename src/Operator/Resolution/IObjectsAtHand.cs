using k8s.Models;
using Operator.Api;
using Operator.Validation;

namespace Operator.Resolution;

/// <summary>
/// The Kubernetes objects a check or a resolution can read — what KEDA's webhook and scalers builder read from the
/// controller's cache: the ScaledObjects, HPAs and LimitRanges of a namespace, the scale target's workload, the
/// Secrets, ConfigMaps and (Cluster)TriggerAuthentications a trigger references, and the RESTMapper. One interface
/// for validation and for building scalers: the offline <c>validate</c> command implements it with the input files
/// (<see cref="Manifests.ManifestSet"/>), the operator with its informer caches.
/// </summary>
public interface IObjectsAtHand
{
    /// <summary>
    /// True when an object absent here does not exist (a cluster, its caches): a missing reference is an error, as
    /// KEDA's controller reports it. False for a partial view (<c>validate</c>'s input files without
    /// <c>--kubeconfig</c>): an absent reference was not given, so it is a warning that says it was not checked.
    /// </summary>
    bool AbsentMeansMissing => true;

    IEnumerable<ScaledObject> GetScaledObjects(string @namespace);

    IEnumerable<V2HorizontalPodAutoscaler> GetHorizontalPodAutoscalers(string @namespace);

    IEnumerable<V1LimitRange> GetLimitRanges(string @namespace);

    /// <summary>Looks up a Deployment (<c>apps/v1.Deployment</c>) or StatefulSet (<c>apps/v1.StatefulSet</c>).</summary>
    WorkloadLookup GetWorkload(string @namespace, string gvkString, string name);

    /// <summary>The RESTMapper: plural resource of a kind, or null when the kind is not served.</summary>
    string? ResolveResource(string group, string version, string kind);

    V1Deployment? FindDeployment(string @namespace, string name);

    V1StatefulSet? FindStatefulSet(string @namespace, string name);

    V1Secret? FindSecret(string @namespace, string name);

    V1ConfigMap? FindConfigMap(string @namespace, string name);

    TriggerAuthenticationSpec? FindTriggerAuthentication(string @namespace, string name);

    /// <summary>A ClusterTriggerAuthentication (cluster-scoped) by name.</summary>
    TriggerAuthenticationSpec? FindClusterTriggerAuthentication(string name);
}
