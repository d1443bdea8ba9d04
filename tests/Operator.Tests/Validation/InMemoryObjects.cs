using k8s.Models;
using Operator.Api;
using Operator.Resolution;
using Operator.Validation;

namespace Operator.Tests.Validation;

/// <summary>
/// The objects at hand as plain lists, for rule tests: the same <see cref="IObjectsAtHand"/> the operator answers from its
/// informers and <c>validate</c> from its input files.
/// </summary>
public sealed class InMemoryObjects : IObjectsAtHand
{
    public IList<ScaledObject> ScaledObjects { get; init; } = [];

    public IList<V2HorizontalPodAutoscaler> HorizontalPodAutoscalers { get; init; } = [];

    public IList<V1LimitRange> LimitRanges { get; init; } = [];

    public IList<V1Deployment> Deployments { get; init; } = [];

    public IList<V1StatefulSet> StatefulSets { get; init; } = [];

    public IList<V1Secret> Secrets { get; init; } = [];

    public IList<V1ConfigMap> ConfigMaps { get; init; } = [];

    public IList<TriggerAuthentication> TriggerAuthentications { get; init; } = [];

    public IList<ClusterTriggerAuthentication> ClusterTriggerAuthentications { get; init; } = [];

    /// <summary>Extra served kinds (e.g. from CRDs at hand): (group, kind) → plural resource.</summary>
    public IDictionary<(string Group, string Kind), string> Resources { get; init; } = new Dictionary<(string, string), string>();

    /// <summary>When false, a workload absent from <see cref="Deployments"/>/<see cref="StatefulSets"/> is unknown rather than missing.</summary>
    public bool WorkloadsComplete { get; init; } = true;

    /// <summary>When false, kinds that cannot be mapped are assumed served (plural = lower-case kind + "s").</summary>
    public bool ResourcesComplete { get; init; } = true;

    public IEnumerable<ScaledObject> GetScaledObjects(string @namespace) =>
        ScaledObjects.Where(o => InNamespace(o.Metadata, @namespace));

    public IEnumerable<V2HorizontalPodAutoscaler> GetHorizontalPodAutoscalers(string @namespace) =>
        HorizontalPodAutoscalers.Where(o => InNamespace(o.Metadata, @namespace));

    public IEnumerable<V1LimitRange> GetLimitRanges(string @namespace) =>
        LimitRanges.Where(o => InNamespace(o.Metadata, @namespace));

    public WorkloadLookup GetWorkload(string @namespace, string gvkString, string name)
    {
        var podSpec = gvkString switch
        {
            "apps/v1.Deployment" => Deployments.FirstOrDefault(d => Matches(d.Metadata, @namespace, name))?.Spec?.Template?.Spec,
            "apps/v1.StatefulSet" => StatefulSets.FirstOrDefault(s => Matches(s.Metadata, @namespace, name))?.Spec?.Template?.Spec,
            _ => null,
        };
        return podSpec is not null ? new WorkloadLookup.Found(podSpec)
            : WorkloadsComplete ? new WorkloadLookup.NotFound()
            : new WorkloadLookup.Unknown();
    }

    public string? ResolveResource(string group, string version, string kind) =>
        BuiltInResources.Find(group, kind)
        ?? (Resources.TryGetValue((group, kind), out var custom) ? custom
        : ResourcesComplete ? null
        : BuiltInResources.Guess(kind));

    public V1Deployment? FindDeployment(string @namespace, string name) => Deployments.LastOrDefault(d => Matches(d.Metadata, @namespace, name));

    public V1StatefulSet? FindStatefulSet(string @namespace, string name) => StatefulSets.LastOrDefault(s => Matches(s.Metadata, @namespace, name));

    public V1Secret? FindSecret(string @namespace, string name) => Secrets.LastOrDefault(s => Matches(s.Metadata, @namespace, name));

    public V1ConfigMap? FindConfigMap(string @namespace, string name) => ConfigMaps.LastOrDefault(c => Matches(c.Metadata, @namespace, name));

    public TriggerAuthenticationSpec? FindTriggerAuthentication(string @namespace, string name) =>
        TriggerAuthentications.LastOrDefault(t => Matches(t.Metadata, @namespace, name))?.Spec;

    public TriggerAuthenticationSpec? FindClusterTriggerAuthentication(string name) =>
        ClusterTriggerAuthentications.LastOrDefault(t => t.Metadata.Name == name)?.Spec;

    private static bool InNamespace(V1ObjectMeta? metadata, string @namespace) =>
        string.Equals(metadata?.NamespaceProperty ?? "default", @namespace, StringComparison.Ordinal);

    private static bool Matches(V1ObjectMeta? metadata, string @namespace, string name) =>
        InNamespace(metadata, @namespace) && string.Equals(metadata?.Name, name, StringComparison.Ordinal);
}
