using k8s;

namespace EmbeddedKubernetes.Tests.Conformance;

/// <summary>allowWatchBookmarks: an idle watch receives BOOKMARK events carrying only a resourceVersion.</summary>
public sealed class WatchBookmarkTests
{
    [Fact]
    public async Task IdleWatch_WithBookmarks_ReceivesBookmarkWithResourceVersion()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { BookmarkInterval = TimeSpan.FromMilliseconds(200) }, ct);
        using var client = cluster.CreateClient();
        var list = await client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));

        await foreach (var (type, item) in client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: list.Metadata.ResourceVersion,
            allowWatchBookmarks: true, cancellationToken: timeout.Token))
        {
            Assert.Equal(WatchEventType.Bookmark, type);
            Assert.False(string.IsNullOrEmpty(item.Metadata.ResourceVersion));
            Assert.Null(item.Metadata.Name);
            break;
        }
    }
}
