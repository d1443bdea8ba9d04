using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kubernetes.Controller.Yaml;

/// <summary>
/// YAML → JSON as Kubernetes reads YAML (sigs.k8s.io/yaml over go-yaml v2, i.e. YAML 1.1 typing of plain scalars):
/// <c>yes/no/on/off/y/n</c> are booleans, <c>0755</c> is octal, <c>0x1A</c> hex, <c>1_000</c> an integer,
/// <c>1e3</c> a number, <c>~</c> null, timestamps stay strings, quoted and block scalars are strings, merge keys
/// (<c>&lt;&lt;</c>) merge, and non-string keys become their text (<c>yes:</c> → <c>"true"</c>). The one converter of
/// the control plane, the operator and the tests.
/// </summary>
public static partial class YamlToJson
{
    /// <summary>The first document of <paramref name="yaml"/>; null when there is none. Throws <see cref="YamlException"/> on bad YAML.</summary>
    public static JsonNode? Convert(string yaml)
    {
        var stream = Load(yaml);
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    /// <summary>Every non-empty document of <paramref name="yaml"/>, in order.</summary>
    public static IReadOnlyList<JsonNode> ConvertAll(string yaml) =>
        [.. Load(yaml).Documents.Select(d => Convert(d.RootNode)).OfType<JsonNode>()];

    /// <summary>
    /// Converts <paramref name="node"/>; with <paramref name="marks"/>, records where each JSON path
    /// (<c>$.spec.triggers[0]</c>, System.Text.Json's notation) was written, so an error can name the line and column.
    /// </summary>
    public static JsonNode? Convert(YamlNode node, IDictionary<string, Mark>? marks = null) => Convert(node, "$", marks);

    /// <summary>Appends a property to a JSON path in System.Text.Json's <c>JsonException.Path</c> notation.</summary>
    public static string AppendProperty(string path, string name) =>
        SimpleName().IsMatch(name) ? $"{path}.{name}" : $"{path}['{name}']";

    private static YamlStream Load(string yaml)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(yaml);
        stream.Load(reader);
        return stream;
    }

    private static JsonNode? Convert(YamlNode node, string path, IDictionary<string, Mark>? marks)
    {
        marks?.TryAdd(path, node.Start);
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var key = keyNode is YamlScalarNode scalarKey ? Key(scalarKey) : throw new YamlException(keyNode.Start, keyNode.End, "mapping keys must be scalars");
                    if (key == "<<" && keyNode is YamlScalarNode { Style: ScalarStyle.Plain })
                    {
                        MergeInto(obj, valueNode, path, marks);
                        continue;
                    }

                    var childPath = AppendProperty(path, key);
                    obj[key] = Convert(valueNode, childPath, marks);
                    if (marks is not null)
                    {
                        marks[childPath] = valueNode.Start;
                    }
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(Convert(item, $"{path}[{array.Count}]", marks));
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw new YamlException(node.Start, node.End, $"unsupported YAML node {node.NodeType}");
        }
    }

    // go-yaml's merge: keys already present (written before or by an earlier source) win.
    private static void MergeInto(JsonObject target, YamlNode source, string path, IDictionary<string, Mark>? marks)
    {
        var sources = source is YamlSequenceNode list ? list.Children : [source];
        foreach (var item in sources)
        {
            if (Convert(item, path, marks) is not JsonObject merged)
            {
                throw new YamlException(item.Start, item.End, "a merge key (<<) must refer to a mapping");
            }

            foreach (var (key, value) in merged.ToList())
            {
                if (!target.ContainsKey(key))
                {
                    merged.Remove(key);
                    target[key] = value;
                }
            }
        }
    }

    // sigs.k8s.io/yaml writes a non-string key as its JSON text: true/false, the integer, the number.
    private static string Key(YamlScalarNode key) => Scalar(key) switch
    {
        null => key.Style == ScalarStyle.Plain && key.Value is "" or null ? "" : "null",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        var tag = scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? "" : scalar.Tag.Value;
        if (scalar.Style != ScalarStyle.Plain || tag is "tag:yaml.org,2002:str")
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON":
                return JsonValue.Create(true);
            case "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF":
                return JsonValue.Create(false);
        }

        return text[0] is (>= '0' and <= '9') or '-' or '+' or '.' ? Number(text) ?? JsonValue.Create(text) : JsonValue.Create(text);
    }

    /// <summary>go-yaml v2's resolution: underscores dropped, Go integer syntax (0x, 0o, 0b, leading-0 octal), then uint64, then a YAML float.</summary>
    private static JsonValue? Number(string text)
    {
        var plain = text.Replace("_", "", StringComparison.Ordinal);
        if (ParseGoInteger(plain) is { } integer)
        {
            return integer >= long.MinValue && integer <= ulong.MaxValue
                ? integer <= long.MaxValue ? JsonValue.Create((long)integer) : JsonValue.Create((ulong)integer)
                : null;
        }

        // .inf and .nan have no JSON form; they stay text, as a typed decoder would reject them either way.
        return FloatPattern().IsMatch(plain) && double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : null;
    }

    private static System.Numerics.BigInteger? ParseGoInteger(string text)
    {
        var negative = text.StartsWith('-');
        var digits = text.StartsWith('-') || text.StartsWith('+') ? text[1..] : text;
        var (radix, body) = digits.Length > 1 && digits[0] == '0'
            ? char.ToLowerInvariant(digits[1]) switch
            {
                'x' => (16, digits[2..]),
                'o' => (8, digits[2..]),
                'b' => (2, digits[2..]),
                _ => (8, digits[1..]),
            }
            : (10, digits);
        if (body.Length == 0)
        {
            return null;
        }

        System.Numerics.BigInteger value = 0;
        foreach (var c in body)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => int.MaxValue,
            };
            if (digit >= radix)
            {
                return null;
            }

            value = (value * radix) + digit;
        }

        value = negative ? -value : value;
        // ParseInt(64) then ParseUint(64): beyond that range go-yaml falls back to a float.
        return value >= long.MinValue && value <= ulong.MaxValue ? value : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex SimpleName();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
