using System.Text;

namespace EmbeddedKubernetes.Tests.Support;

/// <summary>Writes protobuf wire format for tests: the bytes a Go client would send, field by field.</summary>
public sealed class ProtoWriter
{
    private readonly MemoryStream _buffer = new();

    public static byte[] Envelope(string apiVersion, string kind, Action<ProtoWriter> body)
    {
        var unknown = new ProtoWriter()
            .Message(1, t => t.String(1, apiVersion).String(2, kind))
            .Message(2, body);
        return [.. "k8s\0"u8.ToArray(), .. unknown.ToArray()];
    }

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Bytes(int field, byte[] value)
    {
        Tag(field, 2);
        WriteVarint((ulong)value.Length);
        _buffer.Write(value);
        return this;
    }

    public ProtoWriter Varint(int field, long value)
    {
        Tag(field, 0);
        WriteVarint(unchecked((ulong)value));
        return this;
    }

    public ProtoWriter Message(int field, Action<ProtoWriter> body)
    {
        var inner = new ProtoWriter();
        body(inner);
        return Bytes(field, inner.ToArray());
    }

    /// <summary>A packed repeated varint field (one length-delimited run).</summary>
    public ProtoWriter Packed(int field, params long[] values)
    {
        var inner = new ProtoWriter();
        foreach (var value in values)
        {
            inner.WriteVarint(unchecked((ulong)value));
        }

        return Bytes(field, inner.ToArray());
    }

    public ProtoWriter MapEntry(int field, string key, string value) => Message(field, e => e.String(1, key).String(2, value));

    public byte[] ToArray() => _buffer.ToArray();

    private void Tag(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        _buffer.WriteByte((byte)value);
    }
}
