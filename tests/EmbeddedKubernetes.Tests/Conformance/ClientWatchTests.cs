using System.Net;
using EmbeddedKubernetes.Tests.Support;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace EmbeddedKubernetes.Tests.Conformance;

/// <summary>Watch semantics through KubernetesClient: list-then-watch, resume, 410 Expired, selector transitions, bookmarks.</summary>
public sealed class ClientWatchTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan EventWait = TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private k8s.Kubernetes Client => fixture.Client;

    [Fact]
    public async Task ListThenWatch_DeliversChangesAfterTheListResourceVersion_InOrder()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("before", ns), ns, cancellationToken: Ct);
        var list = await Client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: Ct);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(EventWait);
        var events = new List<(WatchEventType Type, string Name, string Rv)>();
        var watching = Task.Run(async () =>
        {
            await foreach (var (type, item) in Client.CoreV1.WatchListNamespacedConfigMapAsync(ns, resourceVersion: list.Metadata.ResourceVersion, cancellationToken: timeout.Token))
            {
                events.Add((type, item.Metadata.Name, item.Metadata.ResourceVersion));
                if (events.Count == 3)
                {
                    return;
                }
            }
        }, timeout.Token);

        await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("after", ns), ns, cancellationToken: Ct);
        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"k\":\"v\"}}", V1Patch.PatchType.MergePatch), "after", ns, cancellationToken: Ct);
        await Client.CoreV1.DeleteNamespacedConfigMapAsync("after", ns, cancellationToken: Ct);
        await watching;

        Assert.Equal([WatchEventType.Added, WatchEventType.Modified, WatchEventType.Deleted], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal("after", e.Name));
        var versions = events.Select(e => long.Parse(e.Rv, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(versions.Order(), versions);
    }

    [Fact]
    public async Task Watch_WithoutResourceVersion_StartsWithSyntheticAdded()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("existing", ns), ns, cancellationToken: Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(EventWait);

        await foreach (var (type, item) in Client.CoreV1.WatchListNamespacedConfigMapAsync(ns, cancellationToken: timeout.Token))
        {
            Assert.Equal(WatchEventType.Added, type);
            Assert.Equal("existing", item.Metadata.Name);
            break;
        }
    }

    [Fact]
    public async Task Watch_ResumeFromCompactedVersion_Gets410ExpiredErrorEvent()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a", ns), ns, cancellationToken: Ct);
        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"k\":\"v\"}}", V1Patch.PatchType.MergePatch), "a", ns, cancellationToken: Ct);
        fixture.Cluster.CompactWatchHistory();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(EventWait);
        KubernetesException? expired = null;
        await foreach (var _ in Client.CoreV1.WatchListNamespacedConfigMapAsync(ns, resourceVersion: created.Metadata.ResourceVersion,
            onError: ex => expired ??= ex as KubernetesException, cancellationToken: timeout.Token))
        {
            Assert.Fail("no event may arrive from a compacted resourceVersion");
        }

        Assert.NotNull(expired);
        Assert.Equal(410, expired.Status.Code);
        Assert.Equal("Expired", expired.Status.Reason);
    }

    [Fact]
    public async Task Watch_LabelSelector_ObjectLeavingSelectorArrivesAsDeleted()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(
            Objects.ConfigMap("sel", ns, new Dictionary<string, string> { ["tier"] = "web" }), ns, cancellationToken: Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(EventWait);
        var events = new List<WatchEventType>();
        var watching = Task.Run(async () =>
        {
            await foreach (var (type, _) in Client.CoreV1.WatchListNamespacedConfigMapAsync(ns, labelSelector: "tier=web",
                resourceVersion: created.Metadata.ResourceVersion, cancellationToken: timeout.Token))
            {
                events.Add(type);
                return;
            }
        }, timeout.Token);

        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"metadata\":{\"labels\":{\"tier\":\"db\"}}}", V1Patch.PatchType.MergePatch), "sel", ns, cancellationToken: Ct);
        await watching;

        Assert.Equal([WatchEventType.Deleted], events);
    }

    [Fact]
    public async Task Watch_TimeoutSeconds_EndsTheStreamCleanly()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a", ns), ns, cancellationToken: Ct);
        var count = 0;

        await foreach (var _ in Client.CoreV1.WatchListNamespacedConfigMapAsync(ns, timeoutSeconds: 1, cancellationToken: Ct))
        {
            count++;
        }

        Assert.Equal(1, count);
    }

    [Fact]
    public async Task List_LimitAndContinue_PagesThroughEverything()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        for (var i = 0; i < 5; i++)
        {
            await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap($"m{i}", ns), ns, cancellationToken: Ct);
        }

        var first = await Client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 2, cancellationToken: Ct);
        var second = await Client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 2, continueParameter: first.Metadata.ContinueProperty, cancellationToken: Ct);
        var third = await Client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 2, continueParameter: second.Metadata.ContinueProperty, cancellationToken: Ct);

        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], first.Items.Concat(second.Items).Concat(third.Items).Select(i => i.Metadata.Name));
        Assert.Null(third.Metadata.ContinueProperty);
        Assert.Equal(3, first.Metadata.RemainingItemCount);
    }

    [Theory]
    [InlineData("tier=web", new[] { "web" })]
    [InlineData("tier==web", new[] { "web" })]
    [InlineData("tier!=web", new[] { "db", "none" })]
    [InlineData("tier in (web,db)", new[] { "db", "web" })]
    [InlineData("tier notin (web)", new[] { "db", "none" })]
    [InlineData("tier", new[] { "db", "web" })]
    [InlineData("!tier", new[] { "none" })]
    public async Task List_LabelSelector_FiltersLikeKubernetes(string selector, string[] expected)
    {
        var ns = await fixture.NamespaceAsync(Ct);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("web", ns, new Dictionary<string, string> { ["tier"] = "web" }), ns, cancellationToken: Ct);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("db", ns, new Dictionary<string, string> { ["tier"] = "db" }), ns, cancellationToken: Ct);
        await Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("none", ns), ns, cancellationToken: Ct);

        var list = await Client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: selector, cancellationToken: Ct);

        Assert.Equal(expected, list.Items.Select(i => i.Metadata.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task List_PodFieldSelectorOnStatusPhase_SeesStatusWrites()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        var pod = new V1Pod { Metadata = new() { Name = "p" }, Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = "busybox" }] } };
        var created = await Client.CoreV1.CreateNamespacedPodAsync(pod, ns, cancellationToken: Ct);
        var pendingBefore = await Client.CoreV1.ListNamespacedPodAsync(ns, fieldSelector: "status.phase=Pending", cancellationToken: Ct);

        await Client.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch("{\"status\":{\"phase\":\"Running\"}}", V1Patch.PatchType.MergePatch), "p", ns, cancellationToken: Ct);
        var running = await Client.CoreV1.ListNamespacedPodAsync(ns, fieldSelector: "status.phase=Running,metadata.name=p", cancellationToken: Ct);

        Assert.Equal("Pending", created.Status.Phase);
        Assert.Single(pendingBefore.Items);
        Assert.Single(running.Items);
    }

    [Fact]
    public async Task List_UnsupportedFieldSelector_Returns400()
    {
        var ns = await fixture.NamespaceAsync(Ct);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => Client.CoreV1.ListNamespacedConfigMapAsync(ns, fieldSelector: "data.key=value", cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.BadRequest, error.Response.StatusCode);
    }
}
