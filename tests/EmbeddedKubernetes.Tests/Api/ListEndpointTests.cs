using System.Net;
using EmbeddedKubernetes.Tests.Support;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace EmbeddedKubernetes.Tests.Api;

/// <summary>Paged lists: consistent pages from one snapshot, continue tokens that expire with 410, kubectl's chunking.</summary>
public sealed class ListEndpointTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private k8s.Kubernetes Client => fixture.Client;

    [Fact]
    public async Task PagedList_ContinuesFromTheFirstPagesSnapshot_WhateverChangedSince()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap(name, ns), ns, cancellationToken: Ct);
        }

        var first = await Client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 2, cancellationToken: Ct);
        await Client.CoreV1.DeleteNamespacedConfigMapAsync("c", ns, cancellationToken: Ct);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("bb", ns), ns, cancellationToken: Ct);
        var second = await Client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 2, continueParameter: first.Metadata.ContinueProperty, cancellationToken: Ct);
        var third = await Client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 2, continueParameter: second.Metadata.ContinueProperty, cancellationToken: Ct);

        Assert.Equal(["a", "b"], first.Items.Select(i => i.Metadata.Name));
        Assert.Equal(["c", "d"], second.Items.Select(i => i.Metadata.Name));
        Assert.Equal(["e"], third.Items.Select(i => i.Metadata.Name));
        Assert.Equal(3, first.Metadata.RemainingItemCount);
        Assert.Null(third.Metadata.ContinueProperty);
        Assert.All([second, third], page => Assert.Equal(first.Metadata.ResourceVersion, page.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task PagedList_NamespacedList_HoldsOnlyThatNamespace()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        var other = await fixture.NamespaceAsync(Ct);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("mine", ns), ns, cancellationToken: Ct);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("theirs", other), other, cancellationToken: Ct);

        var list = await Client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: Ct);

        Assert.Equal(["mine"], list.Items.Select(i => i.Metadata.Name));
    }

    [Fact]
    public async Task Continue_AfterItsSnapshotWasDropped_Answers410Expired()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        foreach (var name in new[] { "a", "b", "c" })
        {
            await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap(name, ns), ns, cancellationToken: Ct);
        }

        var first = await Client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 1, cancellationToken: Ct);
        for (var i = 0; i < EmbeddedClusterDefaults.ListSnapshots; i++)
        {
            await Client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 1, cancellationToken: Ct);
        }

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            Client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 1, continueParameter: first.Metadata.ContinueProperty, cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.Gone, error.Response.StatusCode);
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);
        Assert.Equal(("Expired", 410), (status.Reason, status.Code));
    }

    [Fact]
    public async Task Continue_ThatIsNotAToken_Answers400()
    {
        var ns = await fixture.NamespaceAsync(Ct);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            Client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 1, continueParameter: "not-a-token", cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.BadRequest, error.Response.StatusCode);
    }

    [Fact]
    public async Task KubectlGet_InSmallChunks_ListsEverything()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        for (var i = 0; i < 7; i++)
        {
            await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap($"cm-{i}", ns), ns, cancellationToken: Ct);
        }

        var result = (await Kubectl.For(fixture.Cluster).RunAsync("get", "configmaps", "-n", ns, "--chunk-size=2", "-o", "name")).EnsureSuccess();

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"configmap/cm-{i}").Order(StringComparer.Ordinal),
            result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }
}
