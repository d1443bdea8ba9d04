namespace EmbeddedKubernetes.Protobuf;

/// <summary>The bytes are not a well-formed protobuf message (a 400 for the caller).</summary>
internal sealed class ProtobufFormatException(string message) : Exception(message);
