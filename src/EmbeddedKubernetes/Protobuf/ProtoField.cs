namespace EmbeddedKubernetes.Protobuf;

/// <summary>
/// One field of a message table: its JSON name, kind, and shape. <see cref="Pointer"/> marks Go pointer fields, whose
/// presence matters even with a zero value (replicas: 0); other scalars are omitted when zero, as Go's omitempty does.
/// <see cref="Inline"/> marks an embedded struct whose fields appear in the parent's JSON object (Volume's VolumeSource).
/// </summary>
internal sealed record ProtoField(
    int Number, string JsonName, ProtoKind Kind, string? MessageName, bool Repeated, bool Map, bool Pointer, bool Inline);
