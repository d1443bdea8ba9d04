namespace EmbeddedKubernetes.Protobuf;

/// <summary>Well-formed protobuf this server has no table for (a 415 naming what was not understood).</summary>
internal sealed class ProtobufUnsupportedException(string message) : Exception(message);
