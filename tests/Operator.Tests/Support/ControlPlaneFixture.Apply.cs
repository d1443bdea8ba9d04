using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Kubernetes.Controller.Yaml;

namespace Operator.Tests.Support;

/// <summary>The one way tests create objects on the control plane: YAML (or its JSON) of any kind the API server serves.</summary>
public sealed partial class ControlPlaneFixture
{
    /// <summary>Applies every object of a YAML stream in <paramref name="ns"/> (see <see cref="ApplyAsync(k8s.Kubernetes, string, JsonObject)"/>).</summary>
    public Task ApplyAsync(string ns, string yaml) => ApplyAsync(Client, ns, yaml);

    /// <summary>Applies every object of a YAML stream, read by the repository's one YAML→JSON converter, in <paramref name="ns"/>.</summary>
    public static async Task ApplyAsync(k8s.Kubernetes client, string ns, string yaml)
    {
        foreach (var manifest in YamlToJson.ConvertAll(yaml))
        {
            await ApplyAsync(client, ns, manifest.AsObject());
        }
    }

    /// <summary>
    /// Creates <paramref name="manifest"/> (Deployments, Secrets, HPAs, KEDA's kinds: whatever discovery lists for its
    /// apiVersion) in <paramref name="ns"/> when it is namespaced, or merge-patches it with the manifest when it exists.
    /// </summary>
    public static async Task ApplyAsync(k8s.Kubernetes client, string ns, JsonObject manifest)
    {
        var ct = TestContext.Current.CancellationToken;
        var apiVersion = Field(manifest, "apiVersion");
        var kind = Field(manifest, "kind");
        var name = manifest["metadata"]?["name"]?.GetValue<string>() ?? throw new ArgumentException($"the {kind} has no metadata.name");
        var (group, version) = apiVersion.Split('/') is [var g, var v] ? (g, v) : ("", apiVersion);
        var resource = await ResourceAsync(client, group, version, kind, ct);
        if (resource.Namespaced)
        {
            manifest["metadata"]!["namespace"] = ns;
        }

        // CustomObjects' operations take any group/version/plural, the core group ("") included.
        var body = JsonSerializer.SerializeToElement(manifest);
        try
        {
            await (resource.Namespaced
                ? client.CustomObjects.CreateNamespacedCustomObjectAsync(body, group, version, ns, resource.Name, cancellationToken: ct)
                : client.CustomObjects.CreateClusterCustomObjectAsync(body, group, version, resource.Name, cancellationToken: ct));
        }
        catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
        {
            var patch = new V1Patch(manifest.ToJsonString(), V1Patch.PatchType.MergePatch);
            await (resource.Namespaced
                ? client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, group, version, ns, resource.Name, name, cancellationToken: ct)
                : client.CustomObjects.PatchClusterCustomObjectAsync(patch, group, version, resource.Name, name, cancellationToken: ct));
        }
    }

    /// <summary>A Deployment of stub pods labelled <c>app: name</c>, as YAML for <see cref="ApplyAsync(string, string)"/>.</summary>
    public static string Deployment(string name, int replicas) => $$$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: {{{name}}}}
        spec:
          replicas: {{{replicas}}}
          selector: {matchLabels: {app: {{{name}}}}}
          template:
            metadata: {labels: {app: {{{name}}}}}
            spec: {containers: [{name: main, image: "{{{name}}}:1"}]}
        """;

    /// <summary>
    /// A ScaledObject <paramref name="name"/> on the Deployment of the same name with one trigger (YAML for one item of
    /// <c>spec.triggers</c>) and further <paramref name="settings"/> of its spec (YAML lines), as YAML for <see cref="ApplyAsync(string, string)"/>.
    /// </summary>
    public static string ScaledObject(string name, string trigger, string settings = "") => $$"""
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: {{name}}}
        spec:
          scaleTargetRef: {name: {{name}}}
          {{settings.ReplaceLineEndings("\n  ")}}
          triggers:
          - {{trigger.ReplaceLineEndings("\n    ")}}
        """;

    private static string Field(JsonObject manifest, string field) =>
        manifest[field]?.GetValue<string>() is { Length: > 0 } value ? value : throw new ArgumentException($"a manifest without {field}: {manifest.ToJsonString()}");

    private static async Task<V1APIResource> ResourceAsync(k8s.Kubernetes client, string group, string version, string kind, CancellationToken ct)
    {
        var resources = (await client.CustomObjects.GetAPIResourcesAsync(group, version, ct)).Resources;
        return resources.FirstOrDefault(r => r.Kind == kind && !r.Name.Contains('/', StringComparison.Ordinal))
            ?? throw new ArgumentException($"{(group.Length == 0 ? version : group + "/" + version)} serves no kind '{kind}' "
                + $"(accepted: {string.Join(", ", resources.Where(r => !r.Name.Contains('/', StringComparison.Ordinal)).Select(r => r.Kind))})");
    }
}
