using System.Text.Json.Nodes;
using EmbeddedKubernetes.Protobuf;
using EmbeddedKubernetes.Tests.Support;

namespace EmbeddedKubernetes.Tests.Protobuf;

public sealed class ProtobufBodiesTests
{
    [Fact]
    public void Namespace_DecodesToTheJsonAClientWouldSend_WithoutZeroScalars()
    {
        var body = ProtoWriter.Envelope("v1", "Namespace", ns => ns
            .Message(1, meta => meta.String(1, "team-a").String(2, "").String(6, "").Varint(7, 0).Message(8, _ => { }))
            .Message(2, _ => { })
            .Message(3, _ => { }));

        var json = Decode(body);

        Assert.Equal("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-a"},"spec":{},"status":{}}""", json.ToJsonString());
    }

    [Fact]
    public void PointerFields_KeepTheirZeroValue_AsReplicasZero()
    {
        var body = ProtoWriter.Envelope("apps/v1", "Deployment", d => d
            .Message(1, meta => meta.String(1, "web"))
            .Message(2, spec => spec.Varint(1, 0).Varint(5, 0).Varint(7, 0)));

        var spec = Decode(body)["spec"]!.AsObject();

        Assert.Equal("""{"replicas":0}""", spec.ToJsonString());
    }

    [Fact]
    public void Maps_Bytes_AndPointerBools_DecodeAsInJson()
    {
        var body = ProtoWriter.Envelope("v1", "Secret", s => s
            .Message(1, meta => meta.String(1, "creds").MapEntry(11, "app", "web"))
            .Message(2, e => e.String(1, "password").Bytes(2, "hunter2"u8.ToArray()))
            .String(3, "Opaque")
            .Varint(5, 0));

        var json = Decode(body);

        Assert.Equal("aHVudGVyMg==", json["data"]!["password"]!.GetValue<string>());
        Assert.Equal("web", json["metadata"]!["labels"]!["app"]!.GetValue<string>());
        Assert.Equal("Opaque", json["type"]!.GetValue<string>());
        Assert.False(json["immutable"]!.GetValue<bool>());
    }

    [Fact]
    public void IntOrString_DecodesToAnIntOrAString()
    {
        var body = ProtoWriter.Envelope("v1", "Service", s => s
            .Message(1, meta => meta.String(1, "web"))
            .Message(2, spec => spec
                .Message(1, port => port.String(1, "http").Varint(3, 80).Message(4, t => t.Varint(1, 1).Varint(2, 0).String(3, "http-alt")))
                .Message(1, port => port.Varint(3, 443).Message(4, t => t.Varint(1, 0).Varint(2, 8443).String(3, "")))));

        var ports = Decode(body)["spec"]!["ports"]!.AsArray();

        Assert.Equal("""[{"name":"http","port":80,"targetPort":"http-alt"},{"port":443,"targetPort":8443}]""", ports.ToJsonString());
    }

    [Fact]
    public void Times_AreRfc3339_MicroTimesKeepMicroseconds_AndZeroTimesAreOmitted()
    {
        var body = ProtoWriter.Envelope("coordination.k8s.io/v1", "Lease", l => l
            .Message(1, meta => meta.String(1, "leader").Message(8, _ => { }).Message(9, t => t.Varint(1, 1_767_225_600)))
            .Message(2, spec => spec.String(1, "me").Varint(2, 15).Message(4, t => t.Varint(1, 1_767_225_600).Varint(2, 123_456_000)).Varint(5, 0)));

        var json = Decode(body);

        Assert.Equal("2026-01-01T00:00:00Z", json["metadata"]!["deletionTimestamp"]!.GetValue<string>());
        Assert.False(json["metadata"]!.AsObject().ContainsKey("creationTimestamp"));
        Assert.Equal("2026-01-01T00:00:00.123456Z", json["spec"]!["renewTime"]!.GetValue<string>());
        Assert.Equal(0, json["spec"]!["leaseTransitions"]!.GetValue<int>());
    }

    [Fact]
    public void PodTemplate_DecodesQuantities_InlinedVolumeSources_ProbeHandlers_AndPackedRepeatedFields()
    {
        var body = ProtoWriter.Envelope("v1", "Pod", p => p
            .Message(1, meta => meta.String(1, "worker"))
            .Message(2, spec => spec
                .Message(1, volume => volume.String(1, "cache").Message(2, source => source.Message(2, empty => empty.String(1, "Memory"))))
                .Message(2, c => c
                    .String(1, "app").String(2, "busybox")
                    .Message(8, r => r.Message(1, e => e.String(1, "cpu").Message(2, q => q.String(1, "500m"))))
                    .Message(11, probe => probe.Message(1, h => h.Message(2, get => get.String(1, "/healthz").Message(2, port => port.Varint(1, 0).Varint(2, 8080)))).Varint(4, 5)))
                .Message(14, sc => sc.Packed(4, 1000, 2000).Varint(2, 0))));

        var spec = Decode(body)["spec"]!;

        Assert.Equal("""[{"name":"cache","emptyDir":{"medium":"Memory"}}]""", spec["volumes"]!.ToJsonString());
        Assert.Equal("500m", spec["containers"]![0]!["resources"]!["limits"]!["cpu"]!.GetValue<string>());
        Assert.Equal("""{"httpGet":{"path":"/healthz","port":8080},"periodSeconds":5}""", spec["containers"]![0]!["readinessProbe"]!.ToJsonString());
        Assert.Equal("""{"supplementalGroups":[1000,2000],"runAsUser":0}""", spec["securityContext"]!.ToJsonString());
    }

    [Fact]
    public void KubectlAutoscaleBody_DecodesToAnAutoscalingV1Hpa()
    {
        // The exact bytes kubectl 1.32 sends for: kubectl autoscale deployment d --min=2 --max=5 --cpu-percent=60
        var body = Convert.FromHexString(
            "6b3873000a290a0e6175746f7363616c696e672f76311217486f72697a6f6e74616c506f644175746f7363616c6572123b0a110a016412001a0022002a0032003800420012200a180a0a4465706c6f796d656e741201641a07617070732f763110021805203c1a04180020001a002200");

        var json = Decode(body);

        Assert.Equal(
            """{"apiVersion":"autoscaling/v1","kind":"HorizontalPodAutoscaler","metadata":{"name":"d"},"spec":{"scaleTargetRef":{"kind":"Deployment","name":"d","apiVersion":"apps/v1"},"minReplicas":2,"maxReplicas":5,"targetCPUUtilizationPercentage":60},"status":{}}""",
            json.ToJsonString());
        Assert.True(json["spec"]!["maxReplicas"]!.AsValue().TryGetValue<long>(out _), "numbers read like parsed JSON");
    }

    [Fact]
    public void AKindWithoutATable_IsA415NamingTheType()
    {
        var (_, error) = ProtobufBodies.Decode(ProtoWriter.Envelope("apps/v1", "DaemonSet", d => d.Message(1, m => m.String(1, "x"))));

        Assert.Equal(415, error!.Code);
        Assert.Contains("apps/v1 DaemonSet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFieldWithoutATableEntry_IsA415NamingTheMessageAndField()
    {
        var (_, error) = ProtobufBodies.Decode(ProtoWriter.Envelope("v1", "Pod", p => p
            .Message(2, spec => spec.Message(1, v => v.String(1, "nfs").Message(2, source => source.Message(7, n => n.String(1, "server")))))));

        Assert.Equal(415, error!.Code);
        Assert.Contains("field 7 of core.VolumeSource", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedBytes_AreA400_AndAMissingMagicIsA400()
    {
        var body = ProtoWriter.Envelope("v1", "Namespace", ns => ns.Message(1, meta => meta.String(1, "team-a")));

        Assert.Equal(400, ProtobufBodies.Decode(body.AsSpan(0, body.Length - 3)).Error!.Code);
        Assert.Equal(400, ProtobufBodies.Decode("{}"u8).Error!.Code);
    }

    [Fact]
    public void EveryDecodedType_HasAMessageTable()
    {
        Assert.All(ProtobufBodies.DecodedTypes, type =>
            Assert.True(ProtobufBodies.Decode(ProtoWriter.Envelope(type[..type.LastIndexOf('/')], type[(type.LastIndexOf('/') + 1)..], _ => { })).Error is null, type));
    }

    private static JsonObject Decode(byte[] body)
    {
        var (json, error) = ProtobufBodies.Decode(body);
        Assert.Null(error);
        return json!;
    }
}
