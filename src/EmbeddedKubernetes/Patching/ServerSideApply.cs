using System.Text.Json;
using System.Text.Json.Nodes;
using Kubernetes.Controller.Yaml;

namespace EmbeddedKubernetes.Patching;

/// <summary>The result of an apply: the merged object, or the conflicting fields and their owners.</summary>
internal sealed record ApplyOutcome(JsonObject? Merged, IReadOnlyList<(string Manager, string Field)> Conflicts);

/// <summary>
/// Server-side apply over managedFields: the applied configuration is merged into the live object, fields this
/// manager applied before and no longer applies are removed (unless another manager owns them), and a field another
/// applier owns with a different value is a conflict unless force=true, which transfers ownership.
/// </summary>
internal static class ServerSideApply
{
    public static ApplyOutcome Apply(JsonObject live, JsonObject config, string manager, bool force, bool builtIn, string now)
    {
        var metadata = live["metadata"] as JsonObject ?? [];
        var entries = (metadata["managedFields"] as JsonArray ?? []).OfType<JsonObject>().Select(e => e.DeepClone().AsObject()).ToList();
        var applied = FieldSet.FromObject(config, builtIn);
        var previous = new HashSet<string>(StringComparer.Ordinal);
        var conflicts = new List<(string, string)>();
        foreach (var entry in entries)
        {
            var owner = entry["manager"]?.GetValue<string>() ?? "";
            var fields = FieldSet.FromFieldsV1(entry["fieldsV1"]);
            if (owner == manager && entry["operation"]?.GetValue<string>() == "Apply")
            {
                previous = fields;
                continue;
            }

            var contested = fields.Where(f => applied.Contains(f) && !f.EndsWith('.') && !JsonNode.DeepEquals(Find(live, f), Find(config, f))).ToList();
            if (contested.Count == 0)
            {
                continue;
            }

            if (!force)
            {
                conflicts.AddRange(contested.Select(f => (owner, Describe(f))));
                continue;
            }

            fields.ExceptWith(contested);
            entry["fieldsV1"] = FieldSet.ToFieldsV1(fields);
        }

        if (conflicts.Count > 0)
        {
            return new ApplyOutcome(null, conflicts);
        }

        var merged = builtIn ? StrategicMergePatch.Apply(live, config) : (JsonObject)JsonMergePatch.Apply(live.DeepClone(), config)!;
        var ownedByOthers = entries
            .Where(e => !(e["manager"]?.GetValue<string>() == manager && e["operation"]?.GetValue<string>() == "Apply"))
            .SelectMany(e => FieldSet.FromFieldsV1(e["fieldsV1"])).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in previous.Where(p => !applied.Contains(p) && !ownedByOthers.Contains(p)).OrderByDescending(p => p.Length))
        {
            RemovePath(merged, stale);
        }

        entries.RemoveAll(e => e["manager"]?.GetValue<string>() == manager && e["operation"]?.GetValue<string>() == "Apply");
        entries.RemoveAll(e => FieldSet.FromFieldsV1(e["fieldsV1"]).Count == 0);
        entries.Add(new JsonObject
        {
            ["manager"] = manager,
            ["operation"] = "Apply",
            ["apiVersion"] = config["apiVersion"]?.DeepClone(),
            ["time"] = now,
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = FieldSet.ToFieldsV1(applied),
        });
        var mergedMeta = merged["metadata"] as JsonObject ?? [];
        mergedMeta["managedFields"] = new JsonArray([.. entries]);
        merged["metadata"] = mergedMeta;
        return new ApplyOutcome(merged, []);
    }

    /// <summary>".spec.replicas" style, as kube-apiserver names conflicting fields.</summary>
    private static string Describe(string path) =>
        string.Concat(FieldSet.Split(path).Select(s => s.StartsWith("f:", StringComparison.Ordinal) ? "." + s[2..] : "[" + s[2..] + "]"));

    private static JsonNode? Find(JsonNode? node, string path)
    {
        foreach (var segment in FieldSet.Split(path))
        {
            node = Step(node, segment, out _);
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static JsonNode? Step(JsonNode? node, string segment, out int index)
    {
        index = -1;
        if (segment.StartsWith("f:", StringComparison.Ordinal))
        {
            return node is JsonObject obj ? obj[segment[2..]] : null;
        }

        if (segment == "." || node is not JsonArray list)
        {
            return segment == "." ? node : null;
        }

        if (segment.StartsWith("k:", StringComparison.Ordinal) && JsonNode.Parse(segment[2..]) is JsonObject key)
        {
            var (field, value) = key.First();
            index = list.ToList().FindIndex(i => i is JsonObject o && JsonNode.DeepEquals(o[field], value));
        }
        else if (segment.StartsWith("v:", StringComparison.Ordinal))
        {
            var wanted = JsonNode.Parse(segment[2..]);
            index = list.ToList().FindIndex(i => JsonNode.DeepEquals(i, wanted));
        }

        return index >= 0 ? list[index] : null;
    }

    private static void RemovePath(JsonObject root, string path)
    {
        var segments = FieldSet.Split(path);
        if (segments[^1] == ".")
        {
            segments = segments[..^1];
        }

        JsonNode? parent = root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            parent = Step(parent, segments[i], out _);
            if (parent is null)
            {
                return;
            }
        }

        var last = segments[^1];
        if (parent is JsonObject obj && last.StartsWith("f:", StringComparison.Ordinal))
        {
            obj.Remove(last[2..]);
        }
        else if (parent is JsonArray list)
        {
            Step(list, last, out var index);
            if (index >= 0)
            {
                list.RemoveAt(index);
            }
        }
    }

    /// <summary>Parses an apply body: JSON, or YAML converted to JSON.</summary>
    public static JsonObject? ParseBody(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return YamlToJson.Convert(text) as JsonObject;
        }
    }
}
