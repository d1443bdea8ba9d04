using System.Text;
using System.Text.Json.Nodes;
using EmbeddedKubernetes.Api;
using EmbeddedKubernetes.Protobuf.Schemas;

namespace EmbeddedKubernetes.Protobuf;

/// <summary>
/// Request bodies in <c>application/vnd.kubernetes.protobuf</c>: the <c>k8s\0</c> magic, then a runtime.Unknown
/// (typeMeta 1 {apiVersion 1, kind 2}, raw 2, contentEncoding 3, contentType 4) whose raw bytes are the object
/// message. Decoded into the JSON object a JSON client would have sent, so everything after decoding is unchanged.
/// </summary>
internal static class ProtobufBodies
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    private static readonly byte[] Magic = "k8s\0"u8.ToArray();

    /// <summary>apiVersion/kind → message table.</summary>
    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["v1/Namespace"] = "core.Namespace",
        ["v1/ConfigMap"] = "core.ConfigMap",
        ["v1/Secret"] = "core.Secret",
        ["v1/ServiceAccount"] = "core.ServiceAccount",
        ["v1/Service"] = "core.Service",
        ["v1/Pod"] = "core.Pod",
        ["apps/v1/Deployment"] = "apps.Deployment",
        ["apps/v1/ReplicaSet"] = "apps.ReplicaSet",
        ["apps/v1/StatefulSet"] = "apps.StatefulSet",
        ["batch/v1/Job"] = "batch.Job",
        ["batch/v1/CronJob"] = "batch.CronJob",
        ["autoscaling/v1/HorizontalPodAutoscaler"] = "autoscalingv1.HorizontalPodAutoscaler",
        ["autoscaling/v2/HorizontalPodAutoscaler"] = "autoscalingv2.HorizontalPodAutoscaler",
        ["rbac.authorization.k8s.io/v1/Role"] = "rbac.Role",
        ["rbac.authorization.k8s.io/v1/RoleBinding"] = "rbac.RoleBinding",
        ["rbac.authorization.k8s.io/v1/ClusterRole"] = "rbac.ClusterRole",
        ["rbac.authorization.k8s.io/v1/ClusterRoleBinding"] = "rbac.ClusterRoleBinding",
        ["policy/v1/PodDisruptionBudget"] = "policy.PodDisruptionBudget",
        ["coordination.k8s.io/v1/Lease"] = "coordination.Lease",
        ["discovery.k8s.io/v1/EndpointSlice"] = "discovery.EndpointSlice",
    };

    public static ProtoSchema Schema { get; } = ProtoSchema.Parse(
    [
        ("meta", MetaTables.Meta),
        ("core", CoreTables.Core),
        ("apps", WorkloadTables.Apps),
        ("batch", WorkloadTables.Batch),
        ("autoscalingv1", AutoscalingTables.AutoscalingV1),
        ("autoscalingv2", AutoscalingTables.AutoscalingV2),
        ("rbac", ClusterTables.Rbac),
        ("policy", ClusterTables.Policy),
        ("coordination", ClusterTables.Coordination),
        ("discovery", ClusterTables.Discovery),
    ]);

    private static readonly ProtobufDecoder Decoder = new(Schema);

    /// <summary>The types a protobuf body may carry, as apiVersion/kind.</summary>
    public static IEnumerable<string> DecodedTypes => Messages.Keys;

    public static bool IsProtobuf(string? contentType) =>
        contentType?.StartsWith(MediaType, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The object as JSON, or a 415 naming the type that is not decoded, or a 400 for malformed bytes.</summary>
    public static (JsonObject? Body, ApiError? Error) Decode(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic))
        {
            return (null, ApiError.BadRequest("the protobuf body does not start with the Kubernetes magic prefix k8s\\0"));
        }

        try
        {
            var (apiVersion, kind, raw, encoding) = ReadUnknown(body[Magic.Length..]);
            if (encoding.Length > 0)
            {
                return (null, Unsupported($"a protobuf body with contentEncoding '{encoding}' is not decoded by this server"));
            }

            if (!Messages.TryGetValue($"{apiVersion}/{kind}", out var message))
            {
                return (null, Unsupported(
                    $"the protobuf body carries {apiVersion} {kind}, which this server does not decode from protobuf; send it as application/json or application/yaml (e.g. kubectl apply)"));
            }

            var decoded = Decoder.Decode(message, raw);
            var result = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
            foreach (var (name, value) in decoded.ToList())
            {
                decoded.Remove(name);
                result[name] = value;
            }

            // Re-read as parsed JSON so values behave as in a JSON body (an int read as long, for one).
            return (JsonNode.Parse(result.ToJsonString())!.AsObject(), null);
        }
        catch (ProtobufUnsupportedException ex)
        {
            return (null, Unsupported($"the protobuf body could not be decoded: {ex.Message}; send it as application/json or application/yaml"));
        }
        catch (ProtobufFormatException ex)
        {
            return (null, ApiError.BadRequest($"the protobuf body could not be decoded: {ex.Message}"));
        }
    }

    private static ApiError Unsupported(string message) => new(415, "UnsupportedMediaType", message);

    private static (string ApiVersion, string Kind, byte[] Raw, string Encoding) ReadUnknown(ReadOnlySpan<byte> unknown)
    {
        string apiVersion = "", kind = "", encoding = "";
        byte[] raw = [];
        var reader = new ProtoReader(unknown);
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            if (wireType != 2)
            {
                reader.Skip(wireType);
                continue;
            }

            var bytes = reader.ReadLengthDelimited();
            switch (number)
            {
                case 1:
                    (apiVersion, kind) = ReadTypeMeta(bytes);
                    break;
                case 2:
                    raw = bytes.ToArray();
                    break;
                case 3:
                    encoding = Encoding.UTF8.GetString(bytes);
                    break;
            }
        }

        return (apiVersion, kind, raw, encoding);
    }

    private static (string ApiVersion, string Kind) ReadTypeMeta(ReadOnlySpan<byte> typeMeta)
    {
        string apiVersion = "", kind = "";
        var reader = new ProtoReader(typeMeta);
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            if (wireType != 2)
            {
                reader.Skip(wireType);
                continue;
            }

            var text = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
            (apiVersion, kind) = number == 1 ? (text, kind) : number == 2 ? (apiVersion, text) : (apiVersion, kind);
        }

        return (apiVersion, kind);
    }
}
