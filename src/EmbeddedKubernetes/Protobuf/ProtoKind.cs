namespace EmbeddedKubernetes.Protobuf;

/// <summary>How a field's value is read and written as JSON.</summary>
internal enum ProtoKind
{
    String,
    Bytes,
    Int32,
    Int64,
    Bool,

    /// <summary>metav1.Time: seconds + nanos, JSON RFC 3339 with second precision.</summary>
    Time,

    /// <summary>metav1.MicroTime: seconds + nanos, JSON RFC 3339 with microseconds.</summary>
    MicroTime,

    /// <summary>resource.Quantity: its canonical string.</summary>
    Quantity,

    /// <summary>intstr.IntOrString: type 0 int, type 1 string.</summary>
    IntOrString,

    /// <summary>runtime.RawExtension and metav1.FieldsV1: raw JSON bytes embedded as they are.</summary>
    RawJson,

    Message,
}
