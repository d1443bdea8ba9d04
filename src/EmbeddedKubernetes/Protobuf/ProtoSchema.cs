using System.Globalization;

namespace EmbeddedKubernetes.Protobuf;

/// <summary>
/// Message tables read from a compact text form, one message per paragraph:
/// <c>Name: jsonName number type; ...</c> where type is a scalar (string, bytes, int32, int64, bool), a Kubernetes
/// special type (Time, MicroTime, Quantity, IntOrString, RawExtension, FieldsV1) or a message name, prefixed with
/// <c>[]</c> for repeated fields or written <c>map[V]</c> for map&lt;string, V&gt;; a trailing <c>?</c> marks a Go
/// pointer field and the JSON name <c>-</c> an inlined struct. Message names resolve in their own package, then in
/// <c>core</c>, then in <c>meta</c>.
/// </summary>
internal sealed class ProtoSchema
{
    private static readonly Dictionary<string, ProtoKind> Kinds = new(StringComparer.Ordinal)
    {
        ["string"] = ProtoKind.String,
        ["bytes"] = ProtoKind.Bytes,
        ["int32"] = ProtoKind.Int32,
        ["int64"] = ProtoKind.Int64,
        ["bool"] = ProtoKind.Bool,
        ["Time"] = ProtoKind.Time,
        ["MicroTime"] = ProtoKind.MicroTime,
        ["Quantity"] = ProtoKind.Quantity,
        ["IntOrString"] = ProtoKind.IntOrString,
        ["RawExtension"] = ProtoKind.RawJson,
        ["FieldsV1"] = ProtoKind.RawJson,
    };

    private readonly Dictionary<string, ProtoMessage> _messages;

    private ProtoSchema(Dictionary<string, ProtoMessage> messages) => _messages = messages;

    public ProtoMessage this[string qualifiedName] =>
        _messages.TryGetValue(qualifiedName, out var message)
            ? message
            : throw new KeyNotFoundException($"no protobuf message table named {qualifiedName}");

    public bool Contains(string qualifiedName) => _messages.ContainsKey(qualifiedName);

    public static ProtoSchema Parse(IEnumerable<(string Package, string Text)> packages)
    {
        var raw = new List<(string Package, string Name, string Body)>();
        foreach (var (package, text) in packages)
        {
            string? name = null;
            var body = new System.Text.StringBuilder();
            foreach (var line in text.Split('\n'))
            {
                if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
                {
                    if (name is not null)
                    {
                        raw.Add((package, name, body.ToString()));
                    }

                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    name = line[..colon].Trim();
                    body.Clear().Append(line[(colon + 1)..]).Append(';');
                }
                else if (line.Trim().Length > 0)
                {
                    body.Append(line).Append(';');
                }
            }

            if (name is not null)
            {
                raw.Add((package, name, body.ToString()));
            }
        }

        var names = raw.Select(r => $"{r.Package}.{r.Name}").ToHashSet(StringComparer.Ordinal);
        var messages = new Dictionary<string, ProtoMessage>(StringComparer.Ordinal);
        foreach (var (package, name, body) in raw)
        {
            var fields = new Dictionary<int, ProtoField>();
            foreach (var spec in body.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var field = ParseField(spec, package, names, name);
                fields.Add(field.Number, field);
            }

            messages.Add($"{package}.{name}", new ProtoMessage($"{package}.{name}", fields));
        }

        return new ProtoSchema(messages);
    }

    private static ProtoField ParseField(string spec, string package, HashSet<string> names, string owner)
    {
        var parts = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3)
        {
            throw new FormatException($"protobuf table {package}.{owner}: '{spec}' is not 'jsonName number type'");
        }

        var type = parts[2];
        var pointer = type.EndsWith('?');
        type = type.TrimEnd('?');
        var repeated = type.StartsWith("[]", StringComparison.Ordinal);
        var map = type.StartsWith("map[", StringComparison.Ordinal);
        type = repeated ? type[2..] : map ? type[4..^1] : type;
        string? message = null;
        if (!Kinds.TryGetValue(type, out var kind))
        {
            kind = ProtoKind.Message;
            message = new[] { package, "core", "meta" }.Select(p => $"{p}.{type}").FirstOrDefault(names.Contains)
                ?? throw new FormatException($"protobuf table {package}.{owner}: unknown type {type}");
        }

        return new ProtoField(
            int.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture),
            parts[0], kind, message, repeated, map, pointer, parts[0] == "-");
    }
}
