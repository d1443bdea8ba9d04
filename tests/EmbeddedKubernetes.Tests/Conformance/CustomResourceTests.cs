using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmbeddedKubernetes.Tests.Support;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace EmbeddedKubernetes.Tests.Conformance;

/// <summary>CRDs register resources; custom resources follow apiextensions-apiserver's rules.</summary>
public sealed class CustomResourceTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private k8s.Kubernetes Client => fixture.Client;

    public async ValueTask InitializeAsync()
    {
        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(TestCrds.Widgets);
        try
        {
            await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: Ct);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
        {
            // Another test in this class created it already.
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Crd_IsEstablishedAndDiscoverable()
    {
        var crd = await Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.example.com", cancellationToken: Ct);
        var resources = await Client.CustomObjects.GetAPIResourcesAsync("example.com", "v1", Ct);

        Assert.Contains(crd.Status.Conditions, c => c.Type == "Established" && c.Status == "True");
        var widget = Assert.Single(resources.Resources, r => r.Name == "widgets");
        Assert.Equal(["wd"], widget.ShortNames);
        Assert.Contains(resources.Resources, r => r.Name == "widgets/scale");
    }

    [Fact]
    public async Task Create_AppliesSchemaDefaultsAndPrunesUnknownFields()
    {
        var ns = await fixture.NamespaceAsync(Ct);

        var created = await CreateWidgetAsync("w", ns);

        var spec = created["spec"]!.AsObject();
        Assert.Equal(1, spec["replicas"]!.GetValue<int>());
        Assert.Equal("blue", spec["color"]!.GetValue<string>());
        Assert.False(spec.ContainsKey("unknownField"));
    }

    [Fact]
    public async Task Create_ViolatingSchema_Returns422()
    {
        var ns = await fixture.NamespaceAsync(Ct);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => CreateWidgetAsync("w", ns, size: "huge"));

        Assert.Equal(422, (int)error.Response.StatusCode);
        Assert.Contains("spec.size", error.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_WithoutResourceVersion_Returns422()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        var created = await CreateWidgetAsync("w", ns);
        created["metadata"]!.AsObject().Remove("resourceVersion");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(created, "example.com", "v1", ns, "widgets", "w", cancellationToken: Ct));

        Assert.Equal(422, (int)error.Response.StatusCode);
        Assert.Contains("metadata.resourceVersion: Invalid value: 0x0: must be specified for an update", error.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StrategicMergePatch_OnCustomResource_Returns415()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        await CreateWidgetAsync("w", ns);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("{\"spec\":{\"size\":\"large\"}}", V1Patch.PatchType.StrategicMergePatch), "example.com", "v1", ns, "widgets", "w", cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, error.Response.StatusCode);
    }

    [Fact]
    public async Task Create_DropsStatus_AndStatusSubresourceKeepsGeneration()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        await CreateWidgetAsync("w", ns);

        var patched = await Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("{\"status\":{\"replicas\":2}}", V1Patch.PatchType.MergePatch), "example.com", "v1", ns, "widgets", "w", cancellationToken: Ct);

        var node = JsonSerializer.SerializeToNode(patched)!;
        Assert.Equal(2, node["status"]!["replicas"]!.GetValue<int>());
        Assert.Equal(1, node["metadata"]!["generation"]!.GetValue<int>());
    }

    [Fact]
    public async Task ScaleSubresource_MapsCrdPaths()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        await CreateWidgetAsync("w", ns);
        await Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("{\"status\":{\"replicas\":1,\"selector\":\"app=w\"}}", V1Patch.PatchType.MergePatch), "example.com", "v1", ns, "widgets", "w", cancellationToken: Ct);

        var scale = await Client.CustomObjects.GetNamespacedCustomObjectScaleAsync<V1Scale>("example.com", "v1", ns, "widgets", "w", Ct);
        await Client.CustomObjects.PatchNamespacedCustomObjectScaleAsync(
            new V1Patch("{\"spec\":{\"replicas\":4}}", V1Patch.PatchType.MergePatch), "example.com", "v1", ns, "widgets", "w", cancellationToken: Ct);
        var widget = JsonSerializer.SerializeToNode(await Client.CustomObjects.GetNamespacedCustomObjectAsync("example.com", "v1", ns, "widgets", "w", Ct))!;

        Assert.Equal("app=w", scale.Status.Selector);
        Assert.Equal(1, scale.Status.Replicas);
        Assert.Equal(4, widget["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal(2, widget["metadata"]!["generation"]!.GetValue<int>());
    }

    [Fact]
    public async Task DeletingCrd_RemovesItsObjectsAndStopsServing()
    {
        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(TestCrds.Widgets.Replace("widgets", "gadgets", StringComparison.Ordinal)
            .Replace("Widget", "Gadget", StringComparison.Ordinal).Replace("widget", "gadget", StringComparison.Ordinal).Replace("[wd]", "[gd]", StringComparison.Ordinal));
        await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: Ct);
        var ns = await fixture.NamespaceAsync(Ct);
        var gadget = new JsonObject
        {
            ["apiVersion"] = "example.com/v1",
            ["kind"] = "Gadget",
            ["metadata"] = new JsonObject { ["name"] = "g" },
            ["spec"] = new JsonObject { ["size"] = "small" },
        };
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(gadget, "example.com", "v1", ns, "gadgets", cancellationToken: Ct);

        await Client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("gadgets.example.com", cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => Client.CustomObjects.GetNamespacedCustomObjectAsync("example.com", "v1", ns, "gadgets", "g", Ct));
        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
        Assert.Null(fixture.Cluster.Store.Get("gadgets.example.com", ns, "g"));
    }

    private async Task<JsonObject> CreateWidgetAsync(string name, string ns, string size = "small")
    {
        var body = JsonSerializer.SerializeToNode(KubernetesYaml.Deserialize<Dictionary<string, object>>(TestCrds.Widget(name, ns, size)))!;
        var created = await Client.CustomObjects.CreateNamespacedCustomObjectAsync(body, "example.com", "v1", ns, "widgets", cancellationToken: Ct);
        return JsonSerializer.SerializeToNode(created)!.AsObject();
    }
}
