namespace EmbeddedKubernetes.Protobuf;

/// <summary>Reads the protobuf wire format (varints, length-delimited fields, fixed 32/64-bit values) from a span.</summary>
internal ref struct ProtoReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ProtoReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly bool End => _position >= _data.Length;

    /// <summary>The next field's number and wire type (0 varint, 1 fixed64, 2 length-delimited, 5 fixed32).</summary>
    public (int Number, int WireType) ReadTag()
    {
        var tag = ReadVarint();
        var number = tag >> 3;
        if (number is 0 or > int.MaxValue)
        {
            throw new ProtobufFormatException($"invalid field number {number}");
        }

        return ((int)number, (int)(tag & 7));
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw new ProtobufFormatException("truncated varint");
            }

            var b = _data[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new ProtobufFormatException("varint longer than 10 bytes");
    }

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        var length = ReadVarint();
        if (length > (ulong)(_data.Length - _position))
        {
            throw new ProtobufFormatException("length-delimited field runs past the end of the message");
        }

        var slice = _data.Slice(_position, (int)length);
        _position += (int)length;
        return slice;
    }

    public ulong ReadFixed(int bytes)
    {
        if (_data.Length - _position < bytes)
        {
            throw new ProtobufFormatException("truncated fixed-width field");
        }

        ulong value = 0;
        for (var i = 0; i < bytes; i++)
        {
            value |= (ulong)_data[_position + i] << (8 * i);
        }

        _position += bytes;
        return value;
    }

    /// <summary>Skips one value of the given wire type (groups, types 3 and 4, are not used by Kubernetes).</summary>
    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0:
                ReadVarint();
                break;
            case 1:
                ReadFixed(8);
                break;
            case 2:
                ReadLengthDelimited();
                break;
            case 5:
                ReadFixed(4);
                break;
            default:
                throw new ProtobufFormatException($"unsupported wire type {wireType}");
        }
    }
}
