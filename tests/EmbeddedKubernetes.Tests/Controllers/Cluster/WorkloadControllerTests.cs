using k8s;
using k8s.Models;
using static EmbeddedKubernetes.Tests.Controllers.Cluster.ClusterFixture;

namespace EmbeddedKubernetes.Tests.Controllers.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class WorkloadControllerTests(ClusterFixture fixture)
{
    private readonly k8s.Kubernetes _client = fixture.Client;

    [Fact]
    public async Task Deployment_GetsReadyPodsThroughAReplicaSet()
    {
        var ct = TestContext.Current.CancellationToken;
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("ready", 2), "default", cancellationToken: ct);

        var deployment = await EventuallyAsync(() => _client.AppsV1.ReadNamespacedDeploymentAsync("ready", "default", cancellationToken: ct),
            d => d.Status?.ReadyReplicas == 2 && d.Status.AvailableReplicas == 2 && d.Status.UpdatedReplicas == 2, "2 ready replicas");
        var sets = await _client.AppsV1.ListNamespacedReplicaSetAsync("default", labelSelector: "app=ready", cancellationToken: ct);
        var pods = await _client.CoreV1.ListNamespacedPodAsync("default", labelSelector: "app=ready", cancellationToken: ct);

        var rs = Assert.Single(sets.Items);
        Assert.Equal(deployment.Metadata.Uid, rs.Metadata.OwnerReferences.Single().Uid);
        Assert.All(pods.Items, p => Assert.Equal(rs.Metadata.Uid, p.Metadata.OwnerReferences.Single().Uid));
        Assert.All(pods.Items, p => Assert.Equal("Running", p.Status.Phase));
        Assert.Equal(deployment.Metadata.Generation, deployment.Status.ObservedGeneration);
        Assert.Contains(deployment.Status.Conditions, c => c is { Type: "Available", Status: "True", Reason: "MinimumReplicasAvailable" });
        await EventuallyAsync(() => _client.CoreV1.ListNamespacedEventAsync("default", cancellationToken: ct),
            events => events.Items.Any(e => e.Reason == "ScalingReplicaSet" && e.InvolvedObject.Name == "ready")
                && events.Items.Count(e => e.Reason == "SuccessfulCreate" && e.InvolvedObject.Name == rs.Metadata.Name) == 2,
            "ScalingReplicaSet and SuccessfulCreate events");
    }

    [Fact]
    public async Task ScaleSubresource_ScalesTheDeploymentUpAndDown()
    {
        var ct = TestContext.Current.CancellationToken;
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("scaled", 1), "default", cancellationToken: ct);
        await EventuallyAsync(() => _client.AppsV1.ReadNamespacedDeploymentAsync("scaled", "default", cancellationToken: ct),
            d => d.Status?.ReadyReplicas == 1, "1 ready replica");

        await _client.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("{\"spec\":{\"replicas\":3}}", V1Patch.PatchType.MergePatch),
            "scaled", "default", cancellationToken: ct);
        await EventuallyAsync(() => _client.AppsV1.ReadNamespacedDeploymentAsync("scaled", "default", cancellationToken: ct),
            d => d.Status?.ReadyReplicas == 3, "3 ready replicas");
        await _client.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("{\"spec\":{\"replicas\":1}}", V1Patch.PatchType.MergePatch),
            "scaled", "default", cancellationToken: ct);

        var pods = await EventuallyAsync(() => _client.CoreV1.ListNamespacedPodAsync("default", labelSelector: "app=scaled", cancellationToken: ct),
            list => list.Items.Count == 1, "one pod left");
        Assert.Equal("True", pods.Items[0].Status.Conditions.Single(c => c.Type == "Ready").Status);
    }

    [Fact]
    public async Task Job_RunsItsPodsToCompletion()
    {
        var ct = TestContext.Current.CancellationToken;
        var job = new V1Job
        {
            Metadata = new V1ObjectMeta { Name = "batch", NamespaceProperty = "default" },
            Spec = new V1JobSpec
            {
                Completions = 2,
                Parallelism = 1,
                Template = new V1PodTemplateSpec
                {
                    Spec = new V1PodSpec { RestartPolicy = "Never", Containers = [new V1Container { Name = "work", Image = "work:1" }] },
                },
            },
        };
        await _client.BatchV1.CreateNamespacedJobAsync(job, "default", cancellationToken: ct);

        var done = await EventuallyAsync(() => _client.BatchV1.ReadNamespacedJobAsync("batch", "default", cancellationToken: ct),
            j => j.Status?.Conditions?.Any(c => c.Type == "Complete" && c.Status == "True") == true, "the Complete condition");

        Assert.Equal(2, done.Status.Succeeded);
        Assert.NotNull(done.Status.CompletionTime);
        await EventuallyAsync(() => _client.CoreV1.ListNamespacedEventAsync("default", cancellationToken: ct),
            events => events.Items.Any(e => e.Reason == "Completed" && e.InvolvedObject.Name == "batch"), "the Completed event");
    }

    [Fact]
    public async Task StatefulSet_CreatesOrdinalPodsInOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        var template = Deployment("ordered", 2).Spec;
        var set = new V1StatefulSet
        {
            Metadata = new V1ObjectMeta { Name = "ordered", NamespaceProperty = "default" },
            Spec = new V1StatefulSetSpec { Replicas = 2, ServiceName = "ordered", Selector = template.Selector, Template = template.Template },
        };
        await _client.AppsV1.CreateNamespacedStatefulSetAsync(set, "default", cancellationToken: ct);

        await EventuallyAsync(() => _client.AppsV1.ReadNamespacedStatefulSetAsync("ordered", "default", cancellationToken: ct),
            s => s.Status?.ReadyReplicas == 2, "2 ready replicas");
        var pods = await _client.CoreV1.ListNamespacedPodAsync("default", labelSelector: "app=ordered", cancellationToken: ct);

        Assert.Equal(["ordered-0", "ordered-1"], pods.Items.Select(p => p.Metadata.Name).Order());
    }
}
