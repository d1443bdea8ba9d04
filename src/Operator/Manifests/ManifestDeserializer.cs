using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using Operator.Api;
using YamlDotNet.Core;

namespace Operator.Manifests;

/// <summary>Deserializes one object, translating a JSON path in an error back to its YAML position.</summary>
internal sealed class ManifestDeserializer(ManifestLocation location, JsonObject obj, Dictionary<string, Mark> marks, string path)
{
    public ManifestReadError? Into<T>(
        Func<T, V1ObjectMeta?> metadata, List<Located<T>> target, Action<T>? normalize = null, bool clusterScoped = false)
        where T : class
    {
        T? value;
        try
        {
            value = obj.Deserialize<T>(KedaJson.Options);
        }
        catch (JsonException e)
        {
            var errorPath = e.Path ?? "$";
            return new(LocationOf(errorPath), WrongTypeMessage(errorPath, e));
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            return new(location, $"invalid value: {e.Message}");
        }

        if (value is null)
        {
            return new(location, "the document is empty");
        }

        var meta = metadata(value);
        if (meta is null || string.IsNullOrEmpty(meta.Name))
        {
            return new(location, "metadata.name is required");
        }

        if (!clusterScoped && string.IsNullOrEmpty(meta.NamespaceProperty))
        {
            meta.NamespaceProperty = ManifestKinds.DefaultNamespace;
        }

        normalize?.Invoke(value);
        target.Add(new(value, location));
        return null;
    }

    private ManifestLocation LocationOf(string errorPath)
    {
        // The error path is relative to the object; List items live under a prefix.
        var full = path == "$" ? errorPath : path + errorPath[1..];
        for (var candidate = full; candidate.Length > 0; candidate = Parent(candidate))
        {
            if (marks.TryGetValue(candidate, out var mark))
            {
                return location with { Line = (int)mark.Line, Column = (int)mark.Column };
            }
        }

        return location;
    }

    private static string Parent(string jsonPath)
    {
        var cut = Math.Max(jsonPath.LastIndexOf('.'), jsonPath.LastIndexOf('['));
        return cut <= 0 ? "" : jsonPath[..cut];
    }

    private static string WrongTypeMessage(string errorPath, JsonException e)
    {
        var field = errorPath.TrimStart('$').TrimStart('.');
        var expected = ExpectedType(e.Message);
        return expected is null
            ? $"{(field.Length == 0 ? "the object" : field)}: {e.Message.Split(" Path:")[0]}"
            : $"{field}: wrong type, expected {expected} (quote numbers and booleans meant as strings)";
    }

    private static string? ExpectedType(string message)
    {
        const string Marker = "could not be converted to ";
        var at = message.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var type = message[(at + Marker.Length)..].Split(". Path")[0].Split(". ")[0];
        return type switch
        {
            "System.String" => "a string",
            "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" or "System.Nullable`1[System.Int64]" => "an integer",
            "System.Boolean" or "System.Nullable`1[System.Boolean]" => "a boolean (true or false)",
            "System.Byte[]" => "base64-encoded data",
            _ when type.Contains("Dictionary", StringComparison.Ordinal) => "a mapping",
            _ when type.Contains("List", StringComparison.Ordinal) || type.Contains("IList", StringComparison.Ordinal) => "a list",
            _ => "an object (" + type.Split('.')[^1] + ")",
        };
    }
}
