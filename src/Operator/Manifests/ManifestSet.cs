using k8s.Models;
using Operator.Api;

namespace Operator.Manifests;

/// <summary>
/// Every object read from the input. For <c>validate</c> these objects stand in for the cluster: lookups answer
/// what a Kubernetes GET would.
/// </summary>
public sealed class ManifestSet
{
    public List<Located<ScaledObject>> ScaledObjects { get; } = [];

    public List<Located<ScaledJob>> ScaledJobs { get; } = [];

    public List<Located<TriggerAuthentication>> TriggerAuthentications { get; } = [];

    public List<Located<ClusterTriggerAuthentication>> ClusterTriggerAuthentications { get; } = [];

    public List<Located<V1Secret>> Secrets { get; } = [];

    public List<Located<V1ConfigMap>> ConfigMaps { get; } = [];

    public List<Located<V1Deployment>> Deployments { get; } = [];

    public List<Located<V1StatefulSet>> StatefulSets { get; } = [];

    public List<Located<V2HorizontalPodAutoscaler>> HorizontalPodAutoscalers { get; } = [];

    public List<Located<V1LimitRange>> LimitRanges { get; } = [];

    /// <summary>Remarks about the input that are not errors (e.g. kinds that were ignored).</summary>
    public List<string> Notes { get; } = [];

    public V1Secret? FindSecret(string ns, string name) => Find(Secrets, ns, name, s => s.Metadata);

    public V1ConfigMap? FindConfigMap(string ns, string name) => Find(ConfigMaps, ns, name, c => c.Metadata);

    public TriggerAuthenticationSpec? FindTriggerAuthentication(string ns, string name) =>
        Find(TriggerAuthentications, ns, name, t => t.Metadata)?.Spec;

    public TriggerAuthenticationSpec? FindClusterTriggerAuthentication(string name) =>
        ClusterTriggerAuthentications.Select(l => l.Object).LastOrDefault(t => t.Metadata.Name == name)?.Spec;

    public V1Deployment? FindDeployment(string ns, string name) => Find(Deployments, ns, name, d => d.Metadata);

    public V1StatefulSet? FindStatefulSet(string ns, string name) => Find(StatefulSets, ns, name, s => s.Metadata);

    public IEnumerable<V2HorizontalPodAutoscaler> HorizontalPodAutoscalersIn(string ns) =>
        HorizontalPodAutoscalers.Select(l => l.Object).Where(h => h.Metadata.NamespaceProperty == ns);

    public IEnumerable<V1LimitRange> LimitRangesIn(string ns) =>
        LimitRanges.Select(l => l.Object).Where(l => l.Metadata.NamespaceProperty == ns);

    public IEnumerable<ScaledObject> ScaledObjectsIn(string ns) =>
        ScaledObjects.Select(l => l.Object).Where(s => s.Metadata.NamespaceProperty == ns);

    // The last object of a name wins, as with successive `kubectl apply`.
    private static T? Find<T>(List<Located<T>> items, string ns, string name, Func<T, V1ObjectMeta> meta)
        where T : class =>
        items.Select(l => l.Object).LastOrDefault(o => meta(o).NamespaceProperty == ns && meta(o).Name == name);
}
