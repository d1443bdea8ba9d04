namespace EmbeddedKubernetes.Protobuf;

/// <summary>A message table: field number → field, named "package.Message".</summary>
internal sealed record ProtoMessage(string Name, IReadOnlyDictionary<int, ProtoField> Fields);
