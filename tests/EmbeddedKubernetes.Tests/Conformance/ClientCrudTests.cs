using System.Net;
using System.Text.Json;
using EmbeddedKubernetes.Tests.Support;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace EmbeddedKubernetes.Tests.Conformance;

/// <summary>Create/read/update/delete semantics through the real KubernetesClient.</summary>
public sealed class ClientCrudTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private k8s.Kubernetes Client => fixture.Client;

    [Fact]
    public async Task Create_SetsUidTimestampGenerationAndResourceVersion()
    {
        var ns = await fixture.NamespaceAsync(Ct);

        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a", ns), ns, cancellationToken: Ct);

        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.NotNull(created.Metadata.CreationTimestamp);
        Assert.Equal(1, created.Metadata.Generation);
        Assert.True(long.Parse(created.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task Create_Existing_Returns409AlreadyExistsStatus()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a", ns), ns, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a", ns), ns, cancellationToken: Ct));

        var status = Status(error);
        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Equal("AlreadyExists", status.Reason);
        Assert.Equal("configmaps \"a\" already exists", status.Message);
    }

    [Fact]
    public async Task Create_InMissingNamespace_Returns404ForTheNamespace()
    {
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a", "nope"), "nope", cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
        Assert.Equal("namespaces \"nope\" not found", Status(error).Message);
    }

    [Fact]
    public async Task Create_WithGenerateName_AppendsFiveCharacterSuffix()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        var map = Objects.ConfigMap(null!, ns);
        map.Metadata.GenerateName = "gen-";

        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(map, ns, cancellationToken: Ct);

        Assert.Matches("^gen-[a-z0-9]{5}$", created.Metadata.Name);
    }

    [Fact]
    public async Task Create_PodWithoutContainers_Returns422WithFieldCause()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        var pod = new V1Pod { Metadata = new() { Name = "p" }, Spec = new V1PodSpec { Containers = [] } };

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => Client.CoreV1.CreateNamespacedPodAsync(pod, ns, cancellationToken: Ct));

        var status = Status(error);
        Assert.Equal(422, (int)error.Response.StatusCode);
        Assert.Equal("Invalid", status.Reason);
        Assert.Contains(status.Details.Causes, c => c.Field == "spec.containers" && c.Reason == "FieldValueRequired");
    }

    [Fact]
    public async Task Get_Missing_Returns404NotFoundStatusWithDetails()
    {
        var ns = await fixture.NamespaceAsync(Ct);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => Client.AppsV1.ReadNamespacedDeploymentAsync("ghost", ns, cancellationToken: Ct));

        var status = Status(error);
        Assert.Equal("NotFound", status.Reason);
        Assert.Equal("deployments.apps \"ghost\" not found", status.Message);
        Assert.Equal("apps", status.Details.Group);
        Assert.Equal("deployments", status.Details.Kind);
    }

    [Fact]
    public async Task Update_WithStaleResourceVersion_Returns409Conflict()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        var first = await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a", ns), ns, cancellationToken: Ct);
        first.Data["key"] = "one";
        await Client.CoreV1.ReplaceNamespacedConfigMapAsync(first, "a", ns, cancellationToken: Ct);
        first.Data["key"] = "two";

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => Client.CoreV1.ReplaceNamespacedConfigMapAsync(first, "a", ns, cancellationToken: Ct));

        var status = Status(error);
        Assert.Equal("Conflict", status.Reason);
        Assert.Equal("Operation cannot be fulfilled on configmaps \"a\": the object has been modified; please apply your changes to the latest version and try again", status.Message);
    }

    [Fact]
    public async Task Update_SpecChange_BumpsGeneration_MetadataChangeDoesNot()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        var deployment = await Client.AppsV1.CreateNamespacedDeploymentAsync(Objects.Deployment("d", ns), ns, cancellationToken: Ct);

        deployment.Metadata.Labels["extra"] = "yes";
        deployment = await Client.AppsV1.ReplaceNamespacedDeploymentAsync(deployment, "d", ns, cancellationToken: Ct);
        Assert.Equal(1, deployment.Metadata.Generation);

        deployment.Spec.Replicas = 3;
        deployment = await Client.AppsV1.ReplaceNamespacedDeploymentAsync(deployment, "d", ns, cancellationToken: Ct);
        Assert.Equal(2, deployment.Metadata.Generation);
    }

    [Fact]
    public async Task Update_Unchanged_KeepsResourceVersion()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a", ns), ns, cancellationToken: Ct);

        var replaced = await Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "a", ns, cancellationToken: Ct);

        Assert.Equal(created.Metadata.ResourceVersion, replaced.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task StatusSubresource_ChangesOnlyStatus_AndMainEndpointKeepsStatus()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        var deployment = await Client.AppsV1.CreateNamespacedDeploymentAsync(Objects.Deployment("d", ns), ns, cancellationToken: Ct);

        var patch = new V1Patch("{\"status\":{\"replicas\":1,\"readyReplicas\":1},\"spec\":{\"replicas\":9}}", V1Patch.PatchType.MergePatch);
        var afterStatus = await Client.AppsV1.PatchNamespacedDeploymentStatusAsync(patch, "d", ns, cancellationToken: Ct);
        Assert.Equal(1, afterStatus.Status.ReadyReplicas);
        Assert.Equal(1, afterStatus.Spec.Replicas);
        Assert.Equal(1, afterStatus.Metadata.Generation);

        afterStatus.Status.ReadyReplicas = 7;
        var afterMain = await Client.AppsV1.ReplaceNamespacedDeploymentAsync(afterStatus, "d", ns, cancellationToken: Ct);
        Assert.Equal(1, afterMain.Status.ReadyReplicas);
    }

    [Fact]
    public async Task ScaleSubresource_ReadsAndWritesReplicasWithSelector()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        await Client.AppsV1.CreateNamespacedDeploymentAsync(Objects.Deployment("d", ns, replicas: 2), ns, cancellationToken: Ct);

        var scale = await Client.AppsV1.ReadNamespacedDeploymentScaleAsync("d", ns, cancellationToken: Ct);
        Assert.Equal(2, scale.Spec.Replicas);
        Assert.Equal("app=d", scale.Status.Selector);

        scale.Spec.Replicas = 5;
        await Client.AppsV1.ReplaceNamespacedDeploymentScaleAsync(scale, "d", ns, cancellationToken: Ct);
        var deployment = await Client.AppsV1.ReadNamespacedDeploymentAsync("d", ns, cancellationToken: Ct);
        Assert.Equal(5, deployment.Spec.Replicas);
        Assert.Equal(2, deployment.Metadata.Generation);

        var stale = await Assert.ThrowsAsync<HttpOperationException>(() => Client.AppsV1.ReplaceNamespacedDeploymentScaleAsync(scale, "d", ns, cancellationToken: Ct));
        Assert.Equal(HttpStatusCode.Conflict, stale.Response.StatusCode);
    }

    [Fact]
    public async Task Delete_WithFinalizer_SetsDeletionTimestamp_ThenRemovesWhenFinalizerCleared()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        var map = Objects.ConfigMap("f", ns);
        map.Metadata.Finalizers = ["example.com/hold"];
        await Client.CoreV1.CreateNamespacedConfigMapAsync(map, ns, cancellationToken: Ct);

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("f", ns, cancellationToken: Ct);
        var held = await Client.CoreV1.ReadNamespacedConfigMapAsync("f", ns, cancellationToken: Ct);
        Assert.NotNull(held.Metadata.DeletionTimestamp);

        var addFinalizer = new V1Patch("{\"metadata\":{\"finalizers\":[\"example.com/hold\",\"example.com/other\"]}}", V1Patch.PatchType.MergePatch);
        var forbidden = await Assert.ThrowsAsync<HttpOperationException>(() => Client.CoreV1.PatchNamespacedConfigMapAsync(addFinalizer, "f", ns, cancellationToken: Ct));
        Assert.Equal(422, (int)forbidden.Response.StatusCode);

        var clear = new V1Patch("{\"metadata\":{\"finalizers\":null}}", V1Patch.PatchType.MergePatch);
        await Client.CoreV1.PatchNamespacedConfigMapAsync(clear, "f", ns, cancellationToken: Ct);
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => Client.CoreV1.ReadNamespacedConfigMapAsync("f", ns, cancellationToken: Ct));
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
    }

    [Fact]
    public async Task DryRun_ValidatesButDoesNotStore()
    {
        var ns = await fixture.NamespaceAsync(Ct);

        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("dry", ns), ns, dryRun: "All", cancellationToken: Ct);

        Assert.Equal("dry", created.Metadata.Name);
        var list = await Client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: Ct);
        Assert.DoesNotContain(list.Items, c => c.Metadata.Name == "dry");
    }

    [Fact]
    public async Task Lease_CreateOnUpdate_Allowed()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        var lease = new V1Lease { Metadata = new() { Name = "leader", NamespaceProperty = ns }, Spec = new V1LeaseSpec { HolderIdentity = "me" } };

        var created = await Client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "leader", ns, cancellationToken: Ct);

        Assert.Equal("me", created.Spec.HolderIdentity);
    }

    internal static V1Status Status(HttpOperationException error) =>
        KubernetesJson.Deserialize<V1Status>(error.Response.Content) ?? throw new JsonException("no Status body");
}
