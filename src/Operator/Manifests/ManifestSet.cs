using k8s.Models;
using Operator.Api;
using Operator.Resolution;
using Operator.Validation;

namespace Operator.Manifests;

/// <summary>
/// Every object read from the input. For <c>validate</c> these objects stand in for the cluster: lookups answer
/// what a Kubernetes GET would. With <see cref="Discovery"/> (<c>validate --kubeconfig</c>) kinds map through the
/// cluster's API discovery; offline a custom kind maps through a CustomResourceDefinition of the input, else its
/// plural is guessed (<see cref="IsGuessedResource"/>).
/// </summary>
public sealed class ManifestSet : IObjectsAtHand
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

    public List<Located<CustomResourceKind>> CustomResourceKinds { get; } = [];

    /// <summary>The cluster's RESTMapper (<c>validate --kubeconfig</c>); null offline.</summary>
    internal ResourceDiscovery? Discovery { get; init; }

    /// <inheritdoc />
    public bool AbsentMeansMissing { get; set; } = true;

    /// <summary>Remarks about the input that are not errors (e.g. kinds that were ignored).</summary>
    public List<string> Notes { get; } = [];

    public V1Secret? FindSecret(string @namespace, string name) => Find(Secrets, @namespace, name, s => s.Metadata);

    public V1ConfigMap? FindConfigMap(string @namespace, string name) => Find(ConfigMaps, @namespace, name, c => c.Metadata);

    public TriggerAuthenticationSpec? FindTriggerAuthentication(string @namespace, string name) =>
        Find(TriggerAuthentications, @namespace, name, t => t.Metadata)?.Spec;

    public TriggerAuthenticationSpec? FindClusterTriggerAuthentication(string name) =>
        ClusterTriggerAuthentications.Select(l => l.Object).LastOrDefault(t => t.Metadata.Name == name)?.Spec;

    public V1Deployment? FindDeployment(string @namespace, string name) => Find(Deployments, @namespace, name, d => d.Metadata);

    public V1StatefulSet? FindStatefulSet(string @namespace, string name) => Find(StatefulSets, @namespace, name, s => s.Metadata);

    public IEnumerable<V2HorizontalPodAutoscaler> HorizontalPodAutoscalersIn(string ns) =>
        HorizontalPodAutoscalers.Select(l => l.Object).Where(h => h.Metadata.NamespaceProperty == ns);

    public IEnumerable<V1LimitRange> LimitRangesIn(string ns) =>
        LimitRanges.Select(l => l.Object).Where(l => l.Metadata.NamespaceProperty == ns);

    public IEnumerable<ScaledObject> ScaledObjectsIn(string ns) =>
        ScaledObjects.Select(l => l.Object).Where(s => s.Metadata.NamespaceProperty == ns);

    public IEnumerable<ScaledObject> GetScaledObjects(string @namespace) => ScaledObjectsIn(@namespace);

    public IEnumerable<V2HorizontalPodAutoscaler> GetHorizontalPodAutoscalers(string @namespace) => HorizontalPodAutoscalersIn(@namespace);

    public IEnumerable<V1LimitRange> GetLimitRanges(string @namespace) => LimitRangesIn(@namespace);

    public WorkloadLookup GetWorkload(string @namespace, string gvkString, string name) => WorkloadLookup.Of(this, @namespace, gvkString, name);

    /// <summary>
    /// A built-in kind, or one the cluster serves (<see cref="Discovery"/>); then a kind a CustomResourceDefinition of
    /// the input defines (no match in a version it does not serve, as once it is applied). Any other kind is no match
    /// against a cluster and offline a guess (lower-case kind + "s").
    /// </summary>
    public string? ResolveResource(string group, string version, string kind)
    {
        if ((Discovery?.Find(group, version, kind) ?? BuiltInResources.Find(group, kind)) is { } known)
        {
            return known;
        }

        if (DefinedKind(group, kind) is { } defined)
        {
            return defined.ServedVersions.Contains(version, StringComparer.Ordinal) ? defined.Plural : null;
        }

        return Discovery is null ? BuiltInResources.Guess(kind) : null;
    }

    /// <summary>True when <see cref="ResolveResource"/> answers this kind with a guessed plural: offline, neither built in nor defined by a CRD of the input.</summary>
    public bool IsGuessedResource(string group, string kind) =>
        Discovery is null && BuiltInResources.Find(group, kind) is null && DefinedKind(group, kind) is null;

    /// <summary>Adds every object of <paramref name="other"/> after this set's own, so they win lookups by name (as a later <c>kubectl apply</c>).</summary>
    public void AddRange(ManifestSet other)
    {
        ScaledObjects.AddRange(other.ScaledObjects);
        ScaledJobs.AddRange(other.ScaledJobs);
        TriggerAuthentications.AddRange(other.TriggerAuthentications);
        ClusterTriggerAuthentications.AddRange(other.ClusterTriggerAuthentications);
        Secrets.AddRange(other.Secrets);
        ConfigMaps.AddRange(other.ConfigMaps);
        Deployments.AddRange(other.Deployments);
        StatefulSets.AddRange(other.StatefulSets);
        HorizontalPodAutoscalers.AddRange(other.HorizontalPodAutoscalers);
        LimitRanges.AddRange(other.LimitRanges);
        CustomResourceKinds.AddRange(other.CustomResourceKinds);
        Notes.AddRange(other.Notes);
    }

    private CustomResourceKind? DefinedKind(string group, string kind) =>
        CustomResourceKinds.Select(l => l.Object).LastOrDefault(k => k.Group == group && k.Kind == kind);

    // The last object of a name wins, as with successive `kubectl apply`.
    private static T? Find<T>(List<Located<T>> items, string ns, string name, Func<T, V1ObjectMeta> meta)
        where T : class =>
        items.Select(l => l.Object).LastOrDefault(o => meta(o).NamespaceProperty == ns && meta(o).Name == name);
}
