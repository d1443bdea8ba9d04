using k8s.Models;
using Kubernetes.Controller.Yaml;
using Operator.Api;
using Operator.Resolution;
using Operator.Tests.Api;
using Operator.Validation;

namespace Operator.Tests.Validation;

public sealed class DocsExamplesValidationTests
{
    [Theory]
    [InlineData("servicebus-order-processor.yaml")]
    [InlineData("azure-managed-prometheus.yaml")]
    [InlineData("amazon-managed-prometheus.yaml")]
    [InlineData("openshift-triggers.yaml")]
    public void Example_ExpectedValid_PassesKedaAdmissionChecks(string file)
    {
        var documents = YamlToJson.ConvertAll(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "examples", file)));
        var scaledObjects = documents.Where(d => Kind(d) == "ScaledObject").Select(d => KedaJson.Deserialize<ScaledObject>(d.ToJsonString())!).ToList();
        var context = new InMemoryObjects
        {
            ScaledObjects = scaledObjects,
            Deployments = [.. documents.Where(d => Kind(d) == "Deployment").Select(d => KedaJson.Deserialize<V1Deployment>(d.ToJsonString())!)],
            StatefulSets = [.. documents.Where(d => Kind(d) == "StatefulSet").Select(d => KedaJson.Deserialize<V1StatefulSet>(d.ToJsonString())!)],
        };

        Assert.NotEmpty(scaledObjects);
        foreach (var scaledObject in scaledObjects)
        {
            Assert.Empty(ScaledObjectValidator.ValidateCreate(scaledObject, context).Errors);
        }

        foreach (var auth in documents.Where(d => Kind(d) == "TriggerAuthentication"))
        {
            Assert.Empty(TriggerAuthenticationValidator.Validate(KedaJson.Deserialize<TriggerAuthentication>(auth.ToJsonString())!.Spec).Errors);
        }
    }

    private static string? Kind(System.Text.Json.Nodes.JsonNode document) => (string?)document["kind"];

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "docs", "examples")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("docs/examples not found above the test output directory");
    }
}
