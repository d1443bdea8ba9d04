using System.Text.Json.Nodes;

namespace AppHost.Kubernetes;

/// <summary>
/// The running values the AppHost writes into manifests before they are applied, so no pod ever starts on the
/// placeholders the files carry: Secret/ConfigMap keys, and environment for every Deployment's containers (outside
/// <c>kube-*</c> namespaces) that the container does not set itself.
/// </summary>
internal sealed record ManifestValues(IReadOnlyList<(ClusterValue Target, string Value)> Keys, IReadOnlyDictionary<string, string> PodEnvironment)
{
    /// <summary>
    /// A copy of <paramref name="document"/> holding the values meant for it; <paramref name="found"/> gets each key it
    /// declares.
    /// </summary>
    public JsonNode With(JsonNode document, ISet<ClusterValue> found)
    {
        var copy = document.DeepClone();
        if (copy is not JsonObject { } resource)
        {
            return copy;
        }

        var kind = (string?)resource["kind"];
        var name = (string?)resource["metadata"]?["name"];
        // kubectl apply puts an object without a namespace in the kubeconfig's, "default" for the clusters here.
        var ns = (string?)resource["metadata"]?["namespace"] ?? "default";
        foreach (var (target, value) in Keys.Where(k => k.Target.Kind == kind && k.Target.Name == name && k.Target.Namespace == ns))
        {
            found.Add(target);
            if (kind == "Secret")
            {
                // stringData is merged over data by the API server; the base64 entry goes so the file's value cannot linger.
                (resource["data"] as JsonObject)?.Remove(target.Key);
                Object(resource, "stringData")[target.Key] = value;
            }
            else
            {
                Object(resource, "data")[target.Key] = value;
            }
        }

        if (kind == "Deployment" && !ns.StartsWith("kube-", StringComparison.Ordinal))
        {
            foreach (var container in resource["spec"]?["template"]?["spec"]?["containers"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                AddEnvironment(container);
            }
        }

        return copy;
    }

    // The container's own env wins: only names it does not set are added.
    private void AddEnvironment(JsonObject container)
    {
        var own = (container["env"] as JsonArray ?? []).Select(e => (string?)e?["name"]).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var added = PodEnvironment.Where(pair => !own.Contains(pair.Key)).ToList();
        if (added.Count == 0)
        {
            return;
        }

        if (container["env"] is not JsonArray env)
        {
            env = [];
            container["env"] = env;
        }

        foreach (var (name, value) in added)
        {
            env.Add(new JsonObject { ["name"] = name, ["value"] = value });
        }
    }

    private static JsonObject Object(JsonObject parent, string property)
    {
        if (parent[property] is not JsonObject child)
        {
            child = [];
            parent[property] = child;
        }

        return child;
    }
}
