using System.Text.Json.Nodes;

namespace EmbeddedKubernetes.Patching;

/// <summary>
/// Strategic merge patch for built-in types: lists with a patchMergeKey (containers by name, container ports by
/// containerPort, conditions by type, ownerReferences by uid …) merge item by item, metadata.finalizers merges as a
/// set, other lists replace. Directives: $patch (replace/delete/merge), $retainKeys, $setElementOrder/…,
/// $deleteFromPrimitiveList/….
/// </summary>
internal static class StrategicMergePatch
{
    private const string PatchDirective = "$patch";
    private const string RetainKeys = "$retainKeys";
    private const string SetElementOrder = "$setElementOrder/";
    private const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList/";

    private static readonly Dictionary<string, string> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["volumeMounts"] = "mountPath",
        ["volumeDevices"] = "devicePath",
        ["imagePullSecrets"] = "name",
        ["hostAliases"] = "ip",
        ["conditions"] = "type",
        ["ownerReferences"] = "uid",
        ["topologySpreadConstraints"] = "topologyKey",
        ["resourceClaims"] = "name",
        ["containerStatuses"] = "name",
        ["initContainerStatuses"] = "name",
        ["gateways"] = "name",
    };

    private static readonly HashSet<string> PrimitiveMergeLists = new(StringComparer.Ordinal) { "finalizers" };

    public static JsonObject Apply(JsonObject target, JsonObject patch) => MergeObject(target.DeepClone().AsObject(), patch, "");

    private static JsonObject MergeObject(JsonObject target, JsonObject patch, string path)
    {
        if (patch[PatchDirective]?.GetValue<string>() == "replace")
        {
            var replaced = patch.DeepClone().AsObject();
            replaced.Remove(PatchDirective);
            return StripDirectives(replaced);
        }

        foreach (var (key, value) in patch)
        {
            if (key == PatchDirective || key == RetainKeys || key.StartsWith(SetElementOrder, StringComparison.Ordinal))
            {
                continue;
            }

            if (key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal))
            {
                var field = key[DeleteFromPrimitiveList.Length..];
                if (target[field] is JsonArray existing && value is JsonArray remove)
                {
                    var drop = remove.Select(v => v?.ToJsonString()).ToHashSet();
                    target[field] = new JsonArray([.. existing.Where(v => !drop.Contains(v?.ToJsonString())).Select(v => v?.DeepClone())]);
                }

                continue;
            }

            if (value is null || (value is JsonObject directive && directive[PatchDirective]?.GetValue<string>() == "delete"))
            {
                target.Remove(key);
                continue;
            }

            var childPath = path.Length == 0 ? key : path + "." + key;
            target[key] = (target[key], value) switch
            {
                (JsonObject t, JsonObject p) => MergeObject(t.DeepClone().AsObject(), p, childPath),
                (JsonArray t, JsonArray p) => MergeList(key, path, t, p),
                (_, JsonObject p) => MergeObject([], p, childPath),
                (_, JsonArray p) => MergeList(key, path, [], p),
                _ => value.DeepClone(),
            };
        }

        if (patch[RetainKeys] is JsonArray retain)
        {
            var keep = retain.Select(k => k?.GetValue<string>()).ToHashSet();
            foreach (var key in target.Select(kv => kv.Key).Where(k => !keep.Contains(k)).ToList())
            {
                target.Remove(key);
            }
        }

        return target;
    }

    private static JsonArray MergeList(string field, string path, JsonArray target, JsonArray patch)
    {
        if (patch.OfType<JsonObject>().Any(item => item[PatchDirective]?.GetValue<string>() == "replace"))
        {
            return new JsonArray([.. patch.Where(i => !(i is JsonObject o && o[PatchDirective] is not null)).Select(i => StripDirectives(i?.DeepClone()))]);
        }

        if (PrimitiveMergeLists.Contains(field))
        {
            var merged = target.Select(v => v?.DeepClone()).ToList();
            foreach (var item in patch.Where(item => !merged.Any(m => JsonNode.DeepEquals(m, item))))
            {
                merged.Add(item?.DeepClone());
            }

            return new JsonArray([.. merged]);
        }

        var mergeKey = MergeKeyFor(field, path, patch, target);
        var itemPath = path.Length == 0 ? field : path + "." + field;
        if (mergeKey is null)
        {
            return new JsonArray([.. patch.Select(i => StripDirectives(i?.DeepClone()))]);
        }

        var result = target.Select(i => i?.DeepClone()).ToList();
        foreach (var item in patch.OfType<JsonObject>())
        {
            var key = item[mergeKey]?.ToJsonString();
            var index = result.FindIndex(r => r is JsonObject o && o[mergeKey]?.ToJsonString() == key);
            if (item[PatchDirective]?.GetValue<string>() == "delete")
            {
                if (index >= 0)
                {
                    result.RemoveAt(index);
                }

                continue;
            }

            if (index >= 0)
            {
                result[index] = MergeObject(result[index]!.AsObject(), item, itemPath);
            }
            else
            {
                result.Add(MergeObject([], item, itemPath));
            }
        }

        return new JsonArray([.. result]);
    }

    private static string? MergeKeyFor(string field, string path, JsonArray patch, JsonArray target)
    {
        if (field == "ports")
        {
            // Container ports merge on containerPort, Service spec.ports on port; other ports lists (EndpointSlice) are atomic.
            return patch.Concat(target).OfType<JsonObject>().Any(i => i.ContainsKey("containerPort")) ? "containerPort"
                : path == "spec" ? "port" : null;
        }

        return MergeKeys.GetValueOrDefault(field);
    }

    private static JsonNode? StripDirectives(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var key in obj.Select(kv => kv.Key).Where(k => k.StartsWith('$')).ToList())
            {
                obj.Remove(key);
            }

            foreach (var (_, child) in obj)
            {
                StripDirectives(child);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                StripDirectives(child);
            }
        }

        return node as JsonObject ?? node;
    }

    private static JsonObject StripDirectives(JsonObject obj) => (JsonObject)StripDirectives((JsonNode)obj)!;
}
