using System.Text.Json;
using EmbeddedKubernetes.Controllers.Pods;
using k8s;
using k8s.Models;
using static EmbeddedKubernetes.Tests.Controllers.Cluster.ClusterFixture;

namespace EmbeddedKubernetes.Tests.Controllers.Cluster;

/// <summary>metrics.k8s.io through the API server's aggregation layer, and the HPA's Resource metrics on top of it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ResourceMetricsTests(ClusterFixture fixture)
{
    private readonly k8s.Kubernetes _client = fixture.Client;

    [Fact]
    public async Task PodMetrics_AreServedThroughTheAggregatedMetricsApi()
    {
        var ct = TestContext.Current.CancellationToken;
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Busy("metered", 1), "default", cancellationToken: ct);

        // Until the controllers have registered the metrics APIService the group is not served (404/503).
        var list = await EventuallyAsync(async () =>
            {
                try
                {
                    return (JsonElement?)await _client.CustomObjects.ListNamespacedCustomObjectAsync(
                        "metrics.k8s.io", "v1beta1", "default", "pods", labelSelector: "app=metered", cancellationToken: ct);
                }
                catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.ServiceUnavailable)
                {
                    return null;
                }
            },
            l => l?.GetProperty("items").GetArrayLength() == 1, "one PodMetrics item");

        var usage = list!.Value.GetProperty("items")[0].GetProperty("containers")[0].GetProperty("usage");
        Assert.Equal("90m", usage.GetProperty("cpu").GetString());
    }

    [Fact]
    public async Task CpuUtilization_AboveTarget_ScalesTheDeploymentUp()
    {
        var ct = TestContext.Current.CancellationToken;
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Busy("busy", 2), "default", cancellationToken: ct);
        await EventuallyAsync(() => _client.AppsV1.ReadNamespacedDeploymentAsync("busy", "default", cancellationToken: ct),
            d => d.Status?.ReadyReplicas == 2, "2 ready replicas");
        var hpa = new V2HorizontalPodAutoscaler
        {
            Metadata = new V1ObjectMeta { Name = "busy", NamespaceProperty = "default" },
            Spec = new V2HorizontalPodAutoscalerSpec
            {
                ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = "busy" },
                MinReplicas = 1,
                MaxReplicas = 4,
                Metrics =
                [
                    new V2MetricSpec
                    {
                        Type = "Resource",
                        Resource = new V2ResourceMetricSource
                        {
                            Name = "cpu", Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = 50 },
                        },
                    },
                ],
            },
        };
        await _client.AutoscalingV2.CreateNamespacedHorizontalPodAutoscalerAsync(hpa, "default", cancellationToken: ct);

        var scaled = await EventuallyAsync(() => _client.AutoscalingV2.ReadNamespacedHorizontalPodAutoscalerAsync("busy", "default", cancellationToken: ct),
            h => h.Status?.DesiredReplicas == 4, "the HPA to want 4 replicas (90% of requests against a 50% target)");

        Assert.Equal(90, Assert.Single(scaled.Status.CurrentMetrics).Resource.Current.AverageUtilization);
    }

    private static V1Deployment Busy(string name, int replicas)
    {
        var deployment = Deployment(name, replicas);
        deployment.Spec.Template.Metadata.Annotations = new Dictionary<string, string> { [StubPodOptions.CpuAnnotation] = "90m" };
        deployment.Spec.Template.Spec.Containers[0].Resources = new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m") },
        };
        return deployment;
    }
}
