using System.Collections.Concurrent;
using EmbeddedKubernetes.Tests.Support;
using k8s;
using k8s.Models;
using Kubernetes.Controller.Informers;
using Kubernetes.Controller.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kubernetes.Controller.Tests.Informers;

public sealed class ResourceInformerTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly k8s.Kubernetes _client = fixture.Client;

    [Fact]
    public async Task Informer_ListsThenWatches_CacheFollowsCreateUpdateDelete()
    {
        var ns = await fixture.NamespaceAsync(TestContext.Current.CancellationToken);
        await CreateConfigMapAsync(ns, "before", "1");
        await using var informers = new SharedInformers(_client, NullLogger.Instance, TimeProvider.System, ns);
        var configMaps = informers.ConfigMaps;
        await informers.StartAsync(TestContext.Current.CancellationToken);

        Assert.True(configMaps.TryGet($"{ns}/before", out _));
        await CreateConfigMapAsync(ns, "after", "1");
        await Eventually.TrueAsync(() => configMaps.TryGet($"{ns}/after", out _), "the created ConfigMap in the cache");
        await _client.CoreV1.PatchNamespacedConfigMapAsync(DataPatch("2"), "after", ns, cancellationToken: TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => configMaps.TryGet($"{ns}/after", out var cm) && cm.Data["v"] == "2", "the update in the cache");
        await _client.CoreV1.DeleteNamespacedConfigMapAsync("before", ns, cancellationToken: TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => !configMaps.TryGet($"{ns}/before", out _), "the deletion in the cache");
    }

    [Fact]
    public async Task Informer_InNamespace_ListsOnlyThatNamespace_AndFollowsDeletes()
    {
        var ns = await fixture.NamespaceAsync(TestContext.Current.CancellationToken);
        var other = await fixture.NamespaceAsync(TestContext.Current.CancellationToken);
        await CreateConfigMapAsync(ns, "mine", "1");
        await CreateConfigMapAsync(other, "theirs", "1");
        await using var informers = new SharedInformers(_client, NullLogger.Instance, TimeProvider.System);
        var configMaps = informers.ConfigMaps;
        await informers.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["mine"], configMaps.InNamespace(ns).Select(c => c.Metadata.Name));
        Assert.Contains(configMaps.Items, c => c.Metadata.Name == "theirs");
        await _client.CoreV1.DeleteNamespacedConfigMapAsync("mine", ns, cancellationToken: TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => !configMaps.InNamespace(ns).Any(), "the deletion in the namespace index");
        Assert.Equal(["theirs"], configMaps.InNamespace(other).Select(c => c.Metadata.Name));
    }

    [Fact]
    public async Task Informer_WhenWatchesDrop_ResumesFromLastResourceVersion_WithoutRelisting()
    {
        var ns = await fixture.NamespaceAsync(TestContext.Current.CancellationToken);
        await using var informers = new SharedInformers(_client, NullLogger.Instance, TimeProvider.System, ns);
        var configMaps = informers.ConfigMaps;
        await informers.StartAsync(TestContext.Current.CancellationToken);
        await CreateConfigMapAsync(ns, "first", "1");
        await Eventually.TrueAsync(() => configMaps.TryGet($"{ns}/first", out _), "the first ConfigMap");

        fixture.Cluster.DropAllWatches();
        await CreateConfigMapAsync(ns, "second", "1");

        await Eventually.TrueAsync(() => configMaps.TryGet($"{ns}/second", out _), "the ConfigMap created while the watch was down");
        Assert.Equal(1, configMaps.ListCount);
    }

    [Fact]
    public async Task Informer_WhenResourceVersionExpired_Relists()
    {
        var ns = await fixture.NamespaceAsync(TestContext.Current.CancellationToken);
        await CreateConfigMapAsync(ns, "present", "1");
        var lists = 0;
        var informer = new ResourceInformer<V1ConfigMap>("configmaps",
            async ct =>
            {
                var list = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: ct);
                if (Interlocked.Increment(ref lists) == 1)
                {
                    // The first list hands the informer a resourceVersion the server has since forgotten.
                    var stale = list.Metadata.ResourceVersion;
                    await CreateConfigMapAsync(ns, "later", "1");
                    fixture.Cluster.CompactWatchHistory();
                    return (list.Items, stale);
                }

                return (list.Items, list.Metadata.ResourceVersion);
            },
            (rv, onError, ct) => _client.CoreV1.WatchListNamespacedConfigMapAsync(ns, resourceVersion: rv, onError: onError, cancellationToken: ct),
            NullLogger.Instance, TimeProvider.System);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = informer.RunAsync(cts.Token);

        await Eventually.TrueAsync(() => informer.TryGet($"{ns}/later", out _), "the object only a re-list can deliver");
        await cts.CancelAsync();
        await run;

        Assert.Equal(2, informer.ListCount);
    }

    [Fact]
    public async Task SpecChanged_IgnoresStatusOnlyUpdates_ButReportsSpecAndLabelChanges()
    {
        var ns = await fixture.NamespaceAsync(TestContext.Current.CancellationToken);
        await using var informers = new SharedInformers(_client, NullLogger.Instance, TimeProvider.System, ns);
        var deployments = informers.Deployments;
        var all = new ConcurrentQueue<string>();
        var spec = new ConcurrentQueue<string>();
        deployments.Changed += (type, d) => all.Enqueue($"{type} {d.Metadata.ResourceVersion}");
        deployments.SpecChanged += (type, d) => spec.Enqueue($"{type} {d.Metadata.Generation}");
        await informers.StartAsync(TestContext.Current.CancellationToken);
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web"), ns, cancellationToken: TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => spec.Count == 1, "the Added event");

        await _client.AppsV1.PatchNamespacedDeploymentStatusAsync(
            new V1Patch("""{"status":{"observedGeneration":1,"replicas":0}}""", V1Patch.PatchType.MergePatch), "web", ns,
            cancellationToken: TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => all.Count == 2, "the status update");
        await _client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""{"metadata":{"labels":{"team":"a"}}}""", V1Patch.PatchType.MergePatch), "web", ns,
            cancellationToken: TestContext.Current.CancellationToken);
        await _client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""{"spec":{"replicas":3}}""", V1Patch.PatchType.MergePatch), "web", ns, cancellationToken: TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => all.Count == 4, "the label and spec updates");

        Assert.Equal(["Added 1", "Modified 1", "Modified 2"], spec);
    }

    private static V1Patch DataPatch(string value) => new($"{{\"data\":{{\"v\":\"{value}\"}}}}", V1Patch.PatchType.MergePatch);

    private Task<V1ConfigMap> CreateConfigMapAsync(string ns, string name, string value) =>
        _client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name }, Data = new Dictionary<string, string> { ["v"] = value } }, ns);

    private static V1Deployment Deployment(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1DeploymentSpec
        {
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = "busybox" }] },
            },
        },
    };
}
