using k8s.Models;

namespace Kubernetes.Controller;

/// <summary>Cache and work-queue keys: "namespace/name", or "name" for cluster-scoped objects (client-go's MetaNamespaceKeyFunc).</summary>
public static class ObjectKey
{
    public static string Of(V1ObjectMeta meta) =>
        string.IsNullOrEmpty(meta.NamespaceProperty) ? meta.Name : $"{meta.NamespaceProperty}/{meta.Name}";

    public static string Of(string? ns, string name) => string.IsNullOrEmpty(ns) ? name : $"{ns}/{name}";

    public static (string? Namespace, string Name) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (null, key) : (key[..slash], key[(slash + 1)..]);
    }
}
