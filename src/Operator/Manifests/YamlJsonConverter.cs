using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Operator.Manifests;

/// <summary>
/// Turns a YAML document into JSON the way the Kubernetes API sees it (plain scalars resolved by YAML rules, so an
/// unquoted <c>5</c> is a number and <c>"5"</c> a string), remembering where each JSON path was written so a
/// deserialization error can name the line and column.
/// </summary>
internal static partial class YamlJsonConverter
{
    public static JsonNode? Convert(YamlNode node, Dictionary<string, Mark> marks) => Convert(node, "$", marks);

    private static JsonNode? Convert(YamlNode node, string path, Dictionary<string, Mark> marks)
    {
        marks.TryAdd(path, node.Start);
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var key = keyNode is YamlScalarNode scalarKey ? scalarKey.Value ?? "" : throw NotAScalarKey(keyNode);
                    if (key == "<<")
                    {
                        MergeInto(obj, valueNode, path, marks);
                        continue;
                    }

                    var childPath = AppendProperty(path, key);
                    obj[key] = Convert(valueNode, childPath, marks);
                    marks[childPath] = valueNode.Start;
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                var index = 0;
                foreach (var item in sequence.Children)
                {
                    array.Add(Convert(item, $"{path}[{index}]", marks));
                    index++;
                }

                return array;
            case YamlScalarNode scalar:
                return ConvertScalar(scalar);
            default:
                throw new YamlException(node.Start, node.End, $"unsupported YAML node {node.NodeType}");
        }
    }

    private static void MergeInto(JsonObject target, YamlNode source, string path, Dictionary<string, Mark> marks)
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

    /// <summary>Same notation as System.Text.Json's <c>JsonException.Path</c>.</summary>
    public static string AppendProperty(string path, string name) =>
        SimpleName().IsMatch(name) ? $"{path}.{name}" : $"{path}['{name}']";

    private static YamlException NotAScalarKey(YamlNode key) =>
        new(key.Start, key.End, "mapping keys must be strings");

    private static JsonValue? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        var tag = scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? "" : scalar.Tag.Value;
        if (tag is "tag:yaml.org,2002:str" || scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        // The Kubernetes YAML decoder follows YAML 1.1 booleans (yes/no/on/off too).
        switch (text)
        {
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N":
                return JsonValue.Create(false);
        }

        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex SimpleName();

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
