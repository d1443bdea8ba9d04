using System.Text.Json.Nodes;
using AppHost.Kubernetes;
using Aspire.Hosting.ApplicationModel;
using Kubernetes.Controller.Yaml;

namespace Integration.AppHost;

public sealed class ManifestValuesTests
{
    private static readonly ClusterValue Connection =
        new("Secret", "keda-dotnet-sample", "secrets-order-consumer", "servicebus-connectionstring", ReferenceExpression.Create($"unused"));

    [Fact]
    public void Secret_WhoseKeyIsInData_HoldsTheRunningValueInStringDataAlone()
    {
        var secret = YamlToJson.Convert("""
            apiVersion: v1
            kind: Secret
            metadata: {name: secrets-order-consumer, namespace: keda-dotnet-sample}
            data: {servicebus-connectionstring: cGxhY2Vob2xkZXI=, other: b3RoZXI=}
            """)!;
        var found = new HashSet<ClusterValue>();

        var applied = new ManifestValues([(Connection, "Endpoint=sb://localhost:45672")], new Dictionary<string, string>()).With(secret, found);

        Assert.Equal("Endpoint=sb://localhost:45672", (string?)applied["stringData"]?["servicebus-connectionstring"]);
        Assert.Equal("""{"other":"b3RoZXI="}""", applied["data"]?.ToJsonString());
        Assert.Equal([Connection], found);
        Assert.Equal("cGxhY2Vob2xkZXI=", (string?)secret["data"]?["servicebus-connectionstring"]);
    }

    [Fact]
    public void SecretOfTheSameNameInAnotherNamespace_IsLeftAsWritten()
    {
        var secret = YamlToJson.Convert("""
            apiVersion: v1
            kind: Secret
            metadata: {name: secrets-order-consumer, namespace: elsewhere}
            stringData: {servicebus-connectionstring: placeholder}
            """)!;
        var found = new HashSet<ClusterValue>();

        var applied = new ManifestValues([(Connection, "running")], new Dictionary<string, string>()).With(secret, found);

        Assert.True(JsonNode.DeepEquals(secret, applied));
        Assert.Empty(found);
    }
}
