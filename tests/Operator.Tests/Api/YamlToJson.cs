using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Operator.Tests.Api;

/// <summary>Converts a YAML document to JSON with YAML 1.2 core-schema typing of plain scalars (as kubectl does).</summary>
internal static partial class YamlToJson
{
    public static JsonNode? Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return ToNode(stream.Documents[0].RootNode);
    }

    public static List<JsonNode> ConvertAll(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(d => ToNode(d.RootNode)).OfType<JsonNode>()];
    }

    private static JsonNode? ToNode(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(
            kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", ToNode(kv.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToNode)]),
        YamlScalarNode scalar => ToScalar(scalar),
        _ => throw new InvalidOperationException($"unsupported YAML node {node.NodeType}"),
    };

    private static JsonValue? ToScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "" or "~" or "null" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ when IntegerPattern().IsMatch(value) => JsonValue.Create(long.Parse(value, CultureInfo.InvariantCulture)),
            _ when FloatPattern().IsMatch(value) => JsonValue.Create(double.Parse(value, CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(value),
        };
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
