using EmbeddedKubernetes.Resources;

namespace EmbeddedKubernetes.Api;

/// <summary>A parsed resource URL: /api/v1/… or /apis/{group}/{version}/…, optionally namespaced, named and with a subresource.</summary>
internal sealed record ResourceRequest(ResourceType Type, string? Namespace, string? Name, string? Subresource)
{
    /// <summary>Splits the path; a null result with a group/version means the URL names no known resource.</summary>
    public static (string Group, string Version, string[] Segments)? SplitGroupVersion(string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length >= 2 && segments[0] == "api")
        {
            return ("", segments[1], segments[2..]);
        }

        if (segments.Length >= 3 && segments[0] == "apis")
        {
            return (segments[1], segments[2], segments[3..]);
        }

        return null;
    }

    public static ResourceRequest? Resolve(ResourceRegistry registry, string group, string version, string[] rest)
    {
        if (rest.Length == 0)
        {
            return null;
        }

        // /namespaces/{ns}/{plural}[/{name}[/{sub}]] unless it is the namespaces resource itself.
        if (rest[0] == "namespaces" && rest.Length >= 3 && rest[2] is not ("status" or "finalize"))
        {
            var namespacedType = registry.Find(group, version, rest[2]);
            if (namespacedType is null || !namespacedType.Namespaced || rest.Length > 5)
            {
                return null;
            }

            return new ResourceRequest(namespacedType, rest[1], rest.ElementAtOrDefault(3), rest.ElementAtOrDefault(4));
        }

        var type = registry.Find(group, version, rest[0]);
        if (type is null || rest.Length > 3)
        {
            return null;
        }

        return new ResourceRequest(type, null, rest.ElementAtOrDefault(1), rest.ElementAtOrDefault(2));
    }
}
