using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmbeddedKubernetes.Patching;

/// <summary>
/// The set of leaf fields an applied configuration sets, in managedFields' FieldsV1 spelling
/// (<c>f:spec</c>, <c>k:{"name":"app"}</c>, <c>.</c> for a list item itself). Paths are joined with '\n'.
/// </summary>
internal static class FieldSet
{
    private const char Separator = '\n';

    /// <summary>Leaf paths of a configuration. Lists with a merge key become keyed items, other lists are atomic.</summary>
    public static HashSet<string> FromObject(JsonObject config, bool builtIn)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        Walk(config, "", builtIn, paths, topLevel: true);
        return paths;
    }

    public static HashSet<string> FromFieldsV1(JsonNode? fields)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        Read(fields as JsonObject, "", paths);
        return paths;
    }

    public static JsonObject ToFieldsV1(IEnumerable<string> paths)
    {
        var root = new JsonObject();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var node = root;
            foreach (var segment in path.Split(Separator))
            {
                if (node[segment] is not JsonObject next)
                {
                    next = [];
                    node[segment] = next;
                }

                node = next;
            }
        }

        return root;
    }

    public static string[] Split(string path) => path.Split(Separator);

    private static void Walk(JsonObject obj, string prefix, bool builtIn, HashSet<string> paths, bool topLevel)
    {
        foreach (var (key, value) in obj)
        {
            if (topLevel && key is "apiVersion" or "kind")
            {
                continue;
            }

            if (prefix == "f:metadata" && key is "name" or "namespace" or "uid" or "resourceVersion" or "managedFields" or "creationTimestamp" or "generation")
            {
                continue;
            }

            var path = Join(prefix, "f:" + key);
            switch (value)
            {
                case JsonObject child when child.Count > 0:
                    Walk(child, path, builtIn, paths, topLevel: false);
                    break;
                case JsonArray list when builtIn && MergeKeyOf(key, prefix, list) is { } mergeKey:
                    foreach (var item in list.OfType<JsonObject>())
                    {
                        var itemPath = Join(path, "k:" + JsonSerializer.Serialize(new Dictionary<string, JsonNode?> { [mergeKey] = item[mergeKey]?.DeepClone() }));
                        paths.Add(Join(itemPath, "."));
                        Walk(item, itemPath, builtIn, paths, topLevel: false);
                    }

                    break;
                case JsonArray list when builtIn && key == "finalizers":
                    foreach (var item in list)
                    {
                        paths.Add(Join(path, "v:" + item?.ToJsonString()));
                    }

                    break;
                default:
                    paths.Add(path);
                    break;
            }
        }
    }

    private static void Read(JsonObject? fields, string prefix, HashSet<string> paths)
    {
        if (fields is null)
        {
            return;
        }

        foreach (var (key, value) in fields)
        {
            var path = Join(prefix, key);
            if (value is JsonObject child && child.Count > 0)
            {
                Read(child, path, paths);
            }
            else
            {
                paths.Add(path);
            }
        }
    }

    internal static string? MergeKeyOf(string field, string prefix, JsonArray list) => field switch
    {
        "containers" or "initContainers" or "env" or "volumes" or "imagePullSecrets" => "name",
        "volumeMounts" => "mountPath",
        "conditions" => "type",
        "ownerReferences" => "uid",
        "ports" => list.OfType<JsonObject>().Any(i => i.ContainsKey("containerPort")) ? "containerPort" : prefix == "f:spec" ? "port" : null,
        _ => null,
    };

    private static string Join(string prefix, string segment) => prefix.Length == 0 ? segment : prefix + Separator + segment;
}
