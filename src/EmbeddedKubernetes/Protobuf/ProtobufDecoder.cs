using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmbeddedKubernetes.Protobuf;

/// <summary>
/// Decodes a protobuf message into the JSON object the Go types would marshal to, driven by <see cref="ProtoSchema"/>
/// tables: zero scalars of non-pointer fields are omitted (omitempty), a zero Time is omitted (null), messages that
/// are present are kept even when empty (<c>spec: {}</c>), Quantity is its string, IntOrString an int or a string.
/// </summary>
internal sealed class ProtobufDecoder
{
    private static readonly DateTimeOffset UnixEpoch = DateTimeOffset.UnixEpoch;
    private readonly ProtoSchema _schema;

    public ProtobufDecoder(ProtoSchema schema) => _schema = schema;

    /// <exception cref="ProtobufFormatException">The bytes are not a well-formed message.</exception>
    /// <exception cref="ProtobufUnsupportedException">A field the tables do not describe.</exception>
    public JsonObject Decode(string messageName, ReadOnlySpan<byte> data) => DecodeMessage(_schema[messageName], data);

    private JsonObject DecodeMessage(ProtoMessage message, ReadOnlySpan<byte> data)
    {
        var result = new JsonObject();
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            if (!message.Fields.TryGetValue(number, out var field))
            {
                throw new ProtobufUnsupportedException($"field {number} of {message.Name} is not decoded by this server");
            }

            if (field.Map)
            {
                var entries = result[field.JsonName] as JsonObject ?? [];
                result[field.JsonName] = entries;
                var (key, value) = ReadMapEntry(field, Expect(ref reader, wireType, field));
                entries[key] = value;
            }
            else if (field.Repeated)
            {
                var items = result[field.JsonName] as JsonArray ?? [];
                result[field.JsonName] = items;
                if (wireType == 2 && field.Kind is ProtoKind.Int32 or ProtoKind.Int64 or ProtoKind.Bool)
                {
                    var packed = new ProtoReader(reader.ReadLengthDelimited());
                    while (!packed.End)
                    {
                        items.Add(ReadValue(field, 0, ref packed));
                    }
                }
                else
                {
                    items.Add(ReadValue(field, wireType, ref reader));
                }
            }
            else if (field.Inline)
            {
                var inlined = ReadValue(field, wireType, ref reader)!.AsObject();
                foreach (var (name, value) in inlined.ToList())
                {
                    inlined.Remove(name);
                    result[name] = value;
                }
            }
            else
            {
                var value = ReadValue(field, wireType, ref reader);
                if (value is null || (!field.Pointer && IsZero(value)))
                {
                    result.Remove(field.JsonName);
                }
                else
                {
                    result[field.JsonName] = value;
                }
            }
        }

        return result;
    }

    private (string Key, JsonNode? Value) ReadMapEntry(ProtoField field, ReadOnlySpan<byte> entry)
    {
        var reader = new ProtoReader(entry);
        var key = "";
        JsonNode? value = null;
        var valueField = field with { Repeated = false, Map = false };
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            switch (number)
            {
                case 1:
                    key = Encoding.UTF8.GetString(Expect(ref reader, wireType, field));
                    break;
                case 2:
                    value = ReadValue(valueField, wireType, ref reader);
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        // An absent value is the zero value of the map's value type.
        return (key, value ?? ZeroOf(field.Kind));
    }

    private JsonNode? ReadValue(ProtoField field, int wireType, ref ProtoReader reader)
    {
        switch (field.Kind)
        {
            case ProtoKind.Int32:
                return JsonValue.Create(unchecked((int)(long)ReadVarint(ref reader, wireType, field)));
            case ProtoKind.Int64:
                return JsonValue.Create(unchecked((long)ReadVarint(ref reader, wireType, field)));
            case ProtoKind.Bool:
                return JsonValue.Create(ReadVarint(ref reader, wireType, field) != 0);
        }

        var bytes = Expect(ref reader, wireType, field);
        return field.Kind switch
        {
            ProtoKind.String => JsonValue.Create(Encoding.UTF8.GetString(bytes)),
            ProtoKind.Bytes => JsonValue.Create(Convert.ToBase64String(bytes)),
            ProtoKind.Time => ReadTime(bytes, "yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ProtoKind.MicroTime => ReadTime(bytes, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"),
            ProtoKind.Quantity => JsonValue.Create(Encoding.UTF8.GetString(ReadSingle(bytes, 1))),
            ProtoKind.IntOrString => ReadIntOrString(bytes),
            ProtoKind.RawJson => ReadRawJson(bytes),
            _ => DecodeMessage(_schema[field.MessageName!], bytes),
        };
    }

    private static JsonValue? ReadTime(ReadOnlySpan<byte> bytes, string format)
    {
        long seconds = 0, nanos = 0;
        var reader = new ProtoReader(bytes);
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            if (wireType != 0)
            {
                reader.Skip(wireType);
                continue;
            }

            var value = unchecked((long)reader.ReadVarint());
            (seconds, nanos) = number == 1 ? (value, nanos) : number == 2 ? (seconds, value) : (seconds, nanos);
        }

        // Go's zero time.Time is encoded as an empty message (or year 1); its JSON is null.
        if ((seconds == 0 && nanos == 0) || seconds <= -62135596800)
        {
            return null;
        }

        var time = UnixEpoch.AddSeconds(seconds).AddTicks(nanos / 100);
        return JsonValue.Create(time.ToString(format, CultureInfo.InvariantCulture));
    }

    private static JsonValue ReadIntOrString(ReadOnlySpan<byte> bytes)
    {
        long type = 0, intValue = 0;
        var text = "";
        var reader = new ProtoReader(bytes);
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            switch (number)
            {
                case 1 when wireType == 0:
                    type = unchecked((long)reader.ReadVarint());
                    break;
                case 2 when wireType == 0:
                    intValue = unchecked((int)(long)reader.ReadVarint());
                    break;
                case 3 when wireType == 2:
                    text = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return type == 1 ? JsonValue.Create(text) : JsonValue.Create(intValue);
    }

    private static JsonNode? ReadRawJson(ReadOnlySpan<byte> bytes)
    {
        var raw = ReadSingle(bytes, 1);
        if (raw.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(raw);
        }
        catch (JsonException)
        {
            throw new ProtobufUnsupportedException("an embedded raw object that is not JSON is not decoded by this server");
        }
    }

    /// <summary>The bytes of one length-delimited field of a small wrapper message (Quantity, RawExtension).</summary>
    private static ReadOnlySpan<byte> ReadSingle(ReadOnlySpan<byte> bytes, int wanted)
    {
        var reader = new ProtoReader(bytes);
        ReadOnlySpan<byte> found = default;
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            if (number == wanted && wireType == 2)
            {
                found = reader.ReadLengthDelimited();
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return found;
    }

    private static ulong ReadVarint(ref ProtoReader reader, int wireType, ProtoField field) =>
        wireType == 0 ? reader.ReadVarint() : throw WrongWireType(field, wireType);

    private static ReadOnlySpan<byte> Expect(ref ProtoReader reader, int wireType, ProtoField field) =>
        wireType == 2 ? reader.ReadLengthDelimited() : throw WrongWireType(field, wireType);

    private static ProtobufFormatException WrongWireType(ProtoField field, int wireType) =>
        new($"field {field.Number} ({field.JsonName}) has wire type {wireType}, which does not fit a {field.Kind}");

    private static bool IsZero(JsonNode value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0,
        JsonValue v when v.TryGetValue<bool>(out var b) => !b,
        JsonValue v when v.TryGetValue<int>(out var i) => i == 0,
        JsonValue v when v.TryGetValue<long>(out var l) => l == 0,
        _ => false,
    };

    private static JsonNode? ZeroOf(ProtoKind kind) => kind switch
    {
        ProtoKind.String or ProtoKind.Bytes or ProtoKind.Quantity => JsonValue.Create(""),
        ProtoKind.Int32 or ProtoKind.Int64 => JsonValue.Create(0),
        ProtoKind.Bool => JsonValue.Create(false),
        ProtoKind.Message => new JsonObject(),
        _ => null,
    };
}
