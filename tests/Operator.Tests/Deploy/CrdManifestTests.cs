using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Kubernetes.Controller.Yaml;
using Operator.Api;
using Operator.Tests.Api;

namespace Operator.Tests.Deploy;

public sealed class CrdManifestTests
{
    public static TheoryData<string, string, string, string[], string, string[]> Crds => new()
    {
        { "keda.sh_scaledobjects.yaml", "ScaledObject", "scaledobjects", ["so"], "Namespaced",
            ["ScaleTargetKind", "ScaleTargetName", "Min", "Max", "Ready", "Active", "Fallback", "Paused", "Triggers", "Authentications", "Age"] },
        { "keda.sh_scaledjobs.yaml", "ScaledJob", "scaledjobs", ["sj"], "Namespaced",
            ["Min", "Max", "Ready", "Active", "Paused", "Triggers", "Authentications", "Age"] },
        { "keda.sh_triggerauthentications.yaml", "TriggerAuthentication", "triggerauthentications", ["ta", "triggerauth"], "Namespaced",
            ["PodIdentity", "Secret", "Env", "VaultAddress", "ScaledObjects", "ScaledJobs"] },
        { "keda.sh_clustertriggerauthentications.yaml", "ClusterTriggerAuthentication", "clustertriggerauthentications", ["cta", "clustertriggerauth"], "Cluster",
            ["PodIdentity", "Secret", "Env", "VaultAddress", "ScaledObjects", "ScaledJobs"] },
    };

    [Theory]
    [MemberData(nameof(Crds))]
    public void Crd_NamesScopeAndColumns_MatchKeda(string file, string kind, string plural, string[] shortNames, string scope, string[] columns)
    {
        var crd = Load(file);
        var spec = crd["spec"]!;

        Assert.Equal("apiextensions.k8s.io/v1", (string?)crd["apiVersion"]);
        Assert.Equal($"{plural}.keda.sh", (string?)crd["metadata"]!["name"]);
        Assert.Equal("keda.sh", (string?)spec["group"]);
        Assert.Equal(kind, (string?)spec["names"]!["kind"]);
        Assert.Equal(kind + "List", (string?)spec["names"]!["listKind"]);
        Assert.Equal(plural, (string?)spec["names"]!["plural"]);
        Assert.Equal(shortNames, spec["names"]!["shortNames"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(scope, (string?)spec["scope"]);
        var version = spec["versions"]![0]!;
        Assert.Equal("v1alpha1", (string?)version["name"]);
        Assert.NotNull(version["subresources"]!["status"]);
        Assert.Equal(columns, version["additionalPrinterColumns"]!.AsArray().Select(c => (string)c!["name"]!));
    }

    [Fact]
    public void ScaledObjectCrd_PrinterColumns_UseKedaJsonPaths()
    {
        var columns = Version("keda.sh_scaledobjects.yaml")["additionalPrinterColumns"]!.AsArray()
            .ToDictionary(c => (string)c!["name"]!, c => ((string)c!["jsonPath"]!, (string)c["type"]!));

        Assert.Equal((".status.scaleTargetKind", "string"), columns["ScaleTargetKind"]);
        Assert.Equal((".spec.minReplicaCount", "integer"), columns["Min"]);
        Assert.Equal((".status.conditions[?(@.type==\"Ready\")].status", "string"), columns["Ready"]);
        Assert.Equal((".status.triggersTypes", "string"), columns["Triggers"]);
        Assert.Equal((".status.authenticationsTypes", "string"), columns["Authentications"]);
        Assert.Equal((".metadata.creationTimestamp", "date"), columns["Age"]);
    }

    [Fact]
    public void ScaledObjectCrd_HasKedaConstraints()
    {
        var spec = Schema("keda.sh_scaledobjects.yaml")["properties"]!["spec"]!;
        var props = spec["properties"]!;

        var rule = spec["x-kubernetes-validations"]![0]!;
        Assert.Equal("!has(self.minReplicaCount) || self.minReplicaCount <= (has(self.maxReplicaCount) ? self.maxReplicaCount : 100)", (string?)rule["rule"]);
        Assert.Equal("minReplicaCount must be less than or equal to maxReplicaCount", (string?)rule["message"]);
        Assert.Equal(1L, (long)props["pollingInterval"]!["minimum"]!);
        Assert.Equal(0L, (long)props["cooldownPeriod"]!["minimum"]!);
        Assert.Equal(0L, (long)props["minReplicaCount"]!["minimum"]!);
        Assert.Equal(1L, (long)props["maxReplicaCount"]!["minimum"]!);
        Assert.Equal(1L, (long)props["triggers"]!["minItems"]!);
        Assert.Equal(1L, (long)props["scaleTargetRef"]!["properties"]!["name"]!["minLength"]!);
        Assert.Equal(["scaleTargetRef", "triggers"], spec["required"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("static", (string?)props["fallback"]!["properties"]!["behavior"]!["default"]);
        Assert.Contains("scalingModifiers", props["fallback"]!["properties"]!["behavior"]!["enum"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(
            ["TriggerAuthentication", "ClusterTriggerAuthentication"],
            props["triggers"]!["items"]!["properties"]!["authenticationRef"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(n => (string)n!));
    }

    [Theory]
    [InlineData("keda.sh_scaledobjects.yaml", typeof(ScaledObject))]
    [InlineData("keda.sh_scaledjobs.yaml", typeof(ScaledJob))]
    [InlineData("keda.sh_triggerauthentications.yaml", typeof(TriggerAuthentication))]
    [InlineData("keda.sh_clustertriggerauthentications.yaml", typeof(ClusterTriggerAuthentication))]
    public void Crd_Schema_ContainsEveryModelField(string file, Type model)
    {
        var missing = new List<string>();

        CollectMissing(model, Schema(file), "", missing, []);

        Assert.Empty(missing);
    }

    private static void CollectMissing(Type type, JsonNode schema, string path, List<string> missing, HashSet<Type> seen)
    {
        if (schema["x-kubernetes-preserve-unknown-fields"] is not null || !seen.Add(type))
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            if (name is null or "metadata")
            {
                continue;
            }

            var child = schema["properties"]?[name];
            if (child is null)
            {
                missing.Add($"{path}.{name}");
                continue;
            }

            var (elementType, elementSchema) = Element(property.PropertyType, child);
            if (elementType.Namespace == typeof(ScaledObject).Namespace && elementSchema is not null)
            {
                CollectMissing(elementType, elementSchema, $"{path}.{name}", missing, [.. seen]);
            }
        }
    }

    private static (Type Type, JsonNode? Schema) Element(Type type, JsonNode schema)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsGenericType && typeof(IDictionary).IsAssignableFrom(underlying))
        {
            return (underlying.GetGenericArguments()[1], schema["additionalProperties"]);
        }

        if (underlying != typeof(string) && underlying.IsGenericType && typeof(IEnumerable).IsAssignableFrom(underlying))
        {
            return (underlying.GetGenericArguments()[0], schema["items"]);
        }

        return (underlying, schema);
    }

    private static JsonNode Version(string file) => Load(file)["spec"]!["versions"]![0]!;

    private static JsonNode Schema(string file) => Version(file)["schema"]!["openAPIV3Schema"]!;

    private static JsonNode Load(string file)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "deploy", "crds")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return YamlToJson.Convert(File.ReadAllText(Path.Combine(directory.FullName, "deploy", "crds", file)))!;
    }
}
