using System.Collections.Concurrent;
using k8s;

namespace EmbeddedKubernetes.Controllers.Hpa;

/// <summary>
/// Maps an HPA's scaleTargetRef (apiVersion + kind) to the resource plural its /scale lives under: built-in
/// workloads from a table, custom resources from their CustomResourceDefinition.
/// </summary>
internal sealed class ScaleTargets(IKubernetes client)
{
    private static readonly Dictionary<(string Group, string Kind), string> BuiltIn = new()
    {
        [("apps", "Deployment")] = "deployments",
        [("apps", "StatefulSet")] = "statefulsets",
        [("apps", "ReplicaSet")] = "replicasets",
        [("", "ReplicationController")] = "replicationcontrollers",
    };

    private readonly ConcurrentDictionary<(string, string), string> _crdPlurals = new();

    public static (string Group, string Version) SplitApiVersion(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
    }

    public async Task<string?> PluralAsync(string group, string kind, CancellationToken cancellationToken)
    {
        if (BuiltIn.TryGetValue((group, kind), out var plural) || _crdPlurals.TryGetValue((group, kind), out plural))
        {
            return plural;
        }

        var crds = await client.ApiextensionsV1.ListCustomResourceDefinitionAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var crd in crds.Items)
        {
            _crdPlurals[(crd.Spec.Group, crd.Spec.Names.Kind)] = crd.Spec.Names.Plural;
        }

        return _crdPlurals.TryGetValue((group, kind), out plural) ? plural : null;
    }
}
