using System.Net.Http;
using EmbeddedKubernetes.Tests.Support;
using k8s;
using k8s.Models;

namespace EmbeddedKubernetes.Tests.Hosting;

/// <summary>The listener stopped and started like an apiserver process, with the store kept as etcd keeps it.</summary>
public sealed class ServerRestartTests
{
    [Fact]
    public async Task StoppedListener_RefusesConnections_AndRestartServesSamePortWithObjectsAndWatchHistory()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions(), ct);
        using var client = cluster.CreateClient();
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "kept" }, Data = new Dictionary<string, string> { ["v"] = "1" } }, "default",
            cancellationToken: ct);
        var url = cluster.Url;

        await cluster.StopServingAsync(ct);

        Assert.False(cluster.IsServing);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.CoreV1.ReadNamespacedConfigMapAsync("kept", "default", cancellationToken: ct));

        await cluster.StartServingAsync(ct);

        Assert.Equal(url, cluster.Url);
        var read = await client.CoreV1.ReadNamespacedConfigMapAsync("kept", "default", cancellationToken: ct);
        Assert.Equal(created.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
        Assert.Equal("1", read.Data["v"]);

        // A watch resumed from a resourceVersion seen before the restart gets what changed since (no 410).
        await client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"data":{"v":"2"}}""", V1Patch.PatchType.MergePatch), "kept", "default", cancellationToken: ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await foreach (var (type, item) in client.CoreV1.WatchListNamespacedConfigMapAsync(
            "default", resourceVersion: created.Metadata.ResourceVersion, cancellationToken: timeout.Token))
        {
            Assert.Equal(WatchEventType.Modified, type);
            Assert.Equal("2", item.Data["v"]);
            break;
        }
    }

    [Fact]
    public async Task StartServing_WhileServing_KeepsTheListener_AndStopTwiceIsHarmless()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions(), ct);
        using var client = cluster.CreateClient();

        await cluster.StartServingAsync(ct);
        await client.CoreV1.ListNamespaceAsync(cancellationToken: ct);
        await cluster.StopServingAsync(ct);
        await cluster.StopServingAsync(ct);
        await cluster.StartServingAsync(ct);

        var namespaces = await client.CoreV1.ListNamespaceAsync(cancellationToken: ct);
        Assert.Contains(namespaces.Items, n => n.Metadata.Name == "default");
    }
}
