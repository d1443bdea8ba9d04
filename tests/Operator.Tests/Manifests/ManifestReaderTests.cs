using System.Text;
using Operator.Manifests;

namespace Operator.Tests.Manifests;

public sealed class ManifestReaderTests
{
    private static (ManifestSet Set, ManifestReadError? Error) Read(string yaml)
    {
        var set = new ManifestSet();
        var error = ManifestReader.ReadText(set, "input.yaml", yaml);
        return (set, error);
    }

    [Fact]
    public void Read_MultiDocument_ReadsEveryKnownKind()
    {
        var (set, error) = Read("""
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: so, namespace: ns}
            spec: {scaleTargetRef: {name: web}, triggers: [{type: cpu, metricType: Utilization, metadata: {value: "60"}}]}
            ---
            apiVersion: keda.sh/v1alpha1
            kind: ScaledJob
            metadata: {name: job}
            spec: {jobTargetRef: {template: {spec: {containers: [{name: c, image: i}]}}}, triggers: []}
            ---
            apiVersion: keda.sh/v1alpha1
            kind: TriggerAuthentication
            metadata: {name: ta}
            spec: {secretTargetRef: [{parameter: p, name: s, key: k}]}
            ---
            apiVersion: keda.sh/v1alpha1
            kind: ClusterTriggerAuthentication
            metadata: {name: cta}
            spec: {podIdentity: {provider: azure-workload}}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cm}
            data: {a: b}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec: {selector: {matchLabels: {a: b}}, serviceName: db, template: {spec: {containers: [{name: db, image: i, resources: {requests: {cpu: 1}}}]}}}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: hpa}
            spec: {scaleTargetRef: {kind: Deployment, name: web, apiVersion: apps/v1}, maxReplicas: 3}
            ---
            apiVersion: v1
            kind: LimitRange
            metadata: {name: lr}
            spec: {limits: [{type: Container, defaultRequest: {cpu: 100m}}]}
            ---
            """);

        Assert.Null(error);
        Assert.Equal("ns", Assert.Single(set.ScaledObjects).Object.Metadata.NamespaceProperty);
        Assert.Single(set.ScaledJobs);
        Assert.Single(set.TriggerAuthentications);
        Assert.Null(Assert.Single(set.ClusterTriggerAuthentications).Object.Metadata.NamespaceProperty);
        Assert.Single(set.ConfigMaps);
        Assert.Equal("1", set.StatefulSets[0].Object.Spec.Template.Spec.Containers[0].Resources.Requests["cpu"].ToString());
        Assert.Single(set.HorizontalPodAutoscalers);
        Assert.Single(set.LimitRanges);
    }

    [Fact]
    public void Read_NamespaceMissing_DefaultsToDefault()
    {
        var (set, _) = Read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n");

        Assert.Equal("default", set.ConfigMaps[0].Object.Metadata.NamespaceProperty);
    }

    [Fact]
    public void Read_SecretDataAndStringData_BothDecoded()
    {
        var (set, error) = Read($"""
            apiVersion: v1
            kind: Secret
            metadata: {"{"}name: s{"}"}
            data: {"{"}a: {Convert.ToBase64String(Encoding.UTF8.GetBytes("from-data"))}{"}"}
            stringData: {"{"}b: from-string{"}"}
            """);

        Assert.Null(error);
        var secret = set.FindSecret("default", "s")!;
        Assert.Equal("from-data", Encoding.UTF8.GetString(secret.Data["a"]));
        Assert.Equal("from-string", Encoding.UTF8.GetString(secret.Data["b"]));
    }

    [Fact]
    public void Read_UnknownKind_IgnoredWithNote()
    {
        var (set, error) = Read("apiVersion: v1\nkind: Service\nmetadata: {name: svc}\n");

        Assert.Null(error);
        Assert.Contains("ignored Service", Assert.Single(set.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CustomResourceDefinition_KeepsItsKindPluralAndServedVersions()
    {
        var (set, error) = Read("""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: cacti.example.com}
            spec:
              group: example.com
              names: {kind: Cactus, plural: cacti}
              versions:
              - {name: v1, served: true, storage: true}
              - {name: v1beta1, served: false, storage: false}
            """);

        Assert.Null(error);
        var crd = Assert.Single(set.CustomResourceKinds).Object;
        Assert.Equal(("example.com", "Cactus", "cacti"), (crd.Group, crd.Kind, crd.Plural));
        Assert.Equal(["v1"], crd.ServedVersions);
    }

    [Fact]
    public void Read_CustomResourceDefinitionWithoutNames_IsAnError()
    {
        var (_, error) = Read("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: c.example.com}\nspec: {group: example.com}\n");

        Assert.Contains("spec.names.kind and spec.names.plural", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SyntaxError_ReportsLineAndColumn()
    {
        var (_, error) = Read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm\ndata: x\n");

        Assert.NotNull(error);
        Assert.Equal("input.yaml", error.Location.File);
        Assert.True(error.Location.Line >= 3, error.ToString());
        Assert.Contains("YAML syntax error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnquotedNumberInTriggerMetadata_IsWrongTypeAtItsLine()
    {
        var (_, error) = Read("""
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: so}
            spec:
              scaleTargetRef: {name: web}
              triggers:
              - type: prometheus
                metadata:
                  query: up
                  threshold: 5
            """);

        Assert.NotNull(error);
        Assert.Equal(10, error.Location.Line);
        Assert.Equal(18, error.Location.Column);
        Assert.Contains("spec.triggers[0].metadata.threshold", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected a string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StringForInteger_IsWrongType()
    {
        var (_, error) = Read("""
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: so}
            spec:
              scaleTargetRef: {name: web}
              minReplicaCount: "two"
              triggers: []
            """);

        Assert.NotNull(error);
        Assert.Equal(6, error.Location.Line);
        Assert.Contains("spec.minReplicaCount: wrong type, expected an integer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingKind_IsAnError()
    {
        var (_, error) = Read("apiVersion: v1\nmetadata: {name: x}\n");

        Assert.NotNull(error);
        Assert.Equal(1, error.Location.Line);
    }

    [Fact]
    public void Read_MissingFile_IsAnErrorNamingIt()
    {
        var result = ManifestReader.Read(["/nonexistent/so.yaml"]);

        Assert.NotNull(result.Error);
        Assert.Equal("/nonexistent/so.yaml: no such file or directory", result.Error.ToString());
    }

    [Fact]
    public void Read_ListKind_ReadsItems()
    {
        var (set, error) = Read("""
            apiVersion: v1
            kind: List
            items:
            - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
            - {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}
            """);

        Assert.Null(error);
        Assert.Equal(2, set.ConfigMaps.Count);
        Assert.Equal(5, set.ConfigMaps[1].Location.Line);
    }

    [Fact]
    public void Read_DuplicateKey_IsAnError()
    {
        var (_, error) = Read("apiVersion: v1\nkind: ConfigMap\nkind: Secret\nmetadata: {name: x}\n");

        Assert.NotNull(error);
    }

    [Fact]
    public void Read_Directory_ReadsYamlFilesSorted()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "b.yml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");
            File.WriteAllText(Path.Combine(dir.FullName, "a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
            File.WriteAllText(Path.Combine(dir.FullName, "c.txt"), "not yaml: [");

            var result = ManifestReader.Read([dir.FullName]);

            Assert.Null(result.Error);
            Assert.Equal(["a", "b"], result.Set!.ConfigMaps.Select(c => c.Object.Metadata.Name));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
