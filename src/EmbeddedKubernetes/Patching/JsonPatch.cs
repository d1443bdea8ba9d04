using System.Globalization;
using System.Text.Json.Nodes;

namespace EmbeddedKubernetes.Patching;

/// <summary>RFC 6902 JSON patch (add, remove, replace, move, copy, test) over RFC 6901 pointers.</summary>
internal static class JsonPatch
{
    /// <summary>Applies every operation in order; the error names the failing operation.</summary>
    public static JsonNode? Apply(JsonNode document, JsonArray operations, out string? error)
    {
        error = null;
        var root = document.DeepClone();
        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i] is not JsonObject op)
            {
                error = $"operation {i} is not an object";
                return null;
            }

            var kind = op["op"]?.GetValue<string>();
            var path = op["path"]?.GetValue<string>() ?? "";
            error = kind switch
            {
                "add" => Add(ref root, path, op["value"]?.DeepClone()),
                "remove" => Remove(root, path, out _),
                "replace" => Remove(root, path, out _) ?? Add(ref root, path, op["value"]?.DeepClone()),
                "move" => Move(ref root, op["from"]?.GetValue<string>() ?? "", path),
                "copy" => Get(root, op["from"]?.GetValue<string>() ?? "", out var found) ?? Add(ref root, path, found?.DeepClone()),
                "test" => Get(root, path, out var actual) ?? (JsonNode.DeepEquals(actual, op["value"]) ? null : $"testing value {path} failed"),
                _ => $"Unexpected kind: {kind}",
            };
            if (error is not null)
            {
                return null;
            }
        }

        return root;
    }

    private static string? Move(ref JsonNode root, string from, string path)
    {
        var error = Remove(root, from, out var moved);
        return error ?? Add(ref root, path, moved);
    }

    private static string[] Segments(string pointer) =>
        pointer.Length == 0 ? [] : [.. pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    private static string? Parent(JsonNode root, string pointer, out JsonNode? parent, out string last)
    {
        var segments = Segments(pointer);
        parent = null;
        last = "";
        if (segments.Length == 0)
        {
            return "path must not be empty";
        }

        var current = root;
        foreach (var segment in segments[..^1])
        {
            current = Child(current, segment);
            if (current is null)
            {
                return $"doc is missing path: \"{pointer}\"";
            }
        }

        parent = current;
        last = segments[^1];
        return null;
    }

    private static JsonNode? Child(JsonNode? node, string segment) => node switch
    {
        JsonObject obj => obj[segment],
        JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
        _ => null,
    };

    private static string? Get(JsonNode root, string pointer, out JsonNode? value)
    {
        value = root;
        foreach (var segment in Segments(pointer))
        {
            value = Child(value, segment);
            if (value is null)
            {
                return $"doc is missing path: \"{pointer}\"";
            }
        }

        return null;
    }

    private static string? Add(ref JsonNode root, string pointer, JsonNode? value)
    {
        if (pointer.Length == 0)
        {
            root = value ?? root;
            return null;
        }

        var error = Parent(root, pointer, out var parent, out var last);
        if (error is not null)
        {
            return error;
        }

        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                return null;
            case JsonArray array when last == "-":
                array.Add(value);
                return null;
            case JsonArray array when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index <= array.Count:
                array.Insert(index, value);
                return null;
            default:
                return $"unable to add at \"{pointer}\"";
        }
    }

    private static string? Remove(JsonNode root, string pointer, out JsonNode? removed)
    {
        removed = null;
        var error = Parent(root, pointer, out var parent, out var last);
        if (error is not null)
        {
            return error;
        }

        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(last):
                removed = obj[last];
                obj.Remove(last);
                return null;
            case JsonArray array when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                removed = array[index];
                array.RemoveAt(index);
                return null;
            default:
                return $"unable to remove nonexistent key: {last}: missing value";
        }
    }
}
