using System.Globalization;
using System.Text.Json.Nodes;

namespace EmbeddedKubernetes.Patching;

/// <summary>
/// RFC 6902 JSON patch (add, remove, replace, move, copy, test) over RFC 6901 pointers. A member whose value is
/// JSON null exists (it can be tested, replaced, copied); add, replace and test require a <c>value</c> member; the
/// empty path is the whole document (add/replace swap the root).
/// </summary>
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

            var kind = op["op"] is JsonValue k && k.TryGetValue<string>(out var s) ? s : null;
            var path = op["path"] is JsonValue p && p.TryGetValue<string>(out var ps) ? ps : null;
            var from = op["from"] is JsonValue f && f.TryGetValue<string>(out var fs) ? fs : null;
            if (path is null)
            {
                error = $"operation {i} ({kind}): missing path";
                return null;
            }

            if (kind is "add" or "replace" or "test" && !op.ContainsKey("value"))
            {
                error = $"operation {i} ({kind} {path}): missing value";
                return null;
            }

            if (kind is "move" or "copy" && from is null)
            {
                error = $"operation {i} ({kind} {path}): missing from";
                return null;
            }

            var value = op["value"]?.DeepClone();
            error = kind switch
            {
                "add" => Add(ref root, path, value),
                "remove" => Remove(root, path, out _),
                "replace" => path.Length == 0 ? Add(ref root, path, value) : Remove(root, path, out _) ?? Add(ref root, path, value),
                "move" => Move(ref root, from!, path),
                "copy" => Get(root, from!, out var found) ?? Add(ref root, path, found?.DeepClone()),
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
            if (!TryChild(current, segment, out current) || current is null)
            {
                return $"doc is missing path: \"{pointer}\"";
            }
        }

        parent = current;
        last = segments[^1];
        return null;
    }

    /// <summary>True when the member or index exists, even when its value is JSON null.</summary>
    private static bool TryChild(JsonNode? node, string segment, out JsonNode? child)
    {
        child = null;
        switch (node)
        {
            case JsonObject obj:
                return obj.TryGetPropertyValue(segment, out child);
            case JsonArray array when Index(segment, out var index) && index < array.Count:
                child = array[index];
                return true;
            default:
                return false;
        }
    }

    // RFC 6901: an array index is 0 or digits without a leading zero.
    private static bool Index(string segment, out int index) =>
        int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out index) && (segment.Length == 1 || segment[0] != '0');

    private static string? Get(JsonNode root, string pointer, out JsonNode? value)
    {
        value = root;
        foreach (var segment in Segments(pointer))
        {
            if (!TryChild(value, segment, out value))
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
            if (value is null)
            {
                return "the document root cannot be replaced by null";
            }

            root = value;
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
            case JsonArray array when Index(last, out var index) && index <= array.Count:
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
            case JsonArray array when Index(last, out var index) && index < array.Count:
                removed = array[index];
                array.RemoveAt(index);
                return null;
            default:
                return $"unable to remove nonexistent key: {last}: missing value";
        }
    }
}
