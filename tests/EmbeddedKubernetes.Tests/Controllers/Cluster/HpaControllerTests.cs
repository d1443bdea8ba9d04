using System.Globalization;
using EmbeddedKubernetes.Controllers.Metrics;
using k8s;
using k8s.Models;
using Kubernetes.Controller.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static EmbeddedKubernetes.Tests.Controllers.Cluster.ClusterFixture;

namespace EmbeddedKubernetes.Tests.Controllers.Cluster;

/// <summary>
/// The HPA controller against the real embedded API server, reading an External metric from a test adapter that is
/// registered through an APIService (the API server proxies external.metrics.k8s.io to it).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HpaControllerTests(ClusterFixture fixture) : IAsyncLifetime
{
    private readonly k8s.Kubernetes _client = fixture.Client;
    private LocalApiServer _adapter = null!;
    private long _queueLength;
    private string? _lastSelector;

    public async ValueTask InitializeAsync()
    {
        _adapter = await LocalApiServer.StartAsync(app =>
        {
            app.MapGet("/apis/external.metrics.k8s.io/v1beta1", () => Results.Json(new
            {
                kind = "APIResourceList",
                apiVersion = "v1",
                groupVersion = "external.metrics.k8s.io/v1beta1",
                resources = Array.Empty<object>(),
            }));
            app.MapGet("/apis/external.metrics.k8s.io/v1beta1/namespaces/{ns}/{metric}", (string ns, string metric, HttpContext context) =>
            {
                _lastSelector = context.Request.Query["labelSelector"];
                return Results.Json(new
                {
                    kind = "ExternalMetricValueList",
                    apiVersion = "external.metrics.k8s.io/v1beta1",
                    metadata = new { },
                    items = new[]
                    {
                        new
                        {
                            metricName = metric, metricLabels = new Dictionary<string, string>(), timestamp = "2026-01-01T00:00:00Z",
                            value = Interlocked.Read(ref _queueLength).ToString(CultureInfo.InvariantCulture),
                        },
                    },
                });
            });
        }, TestContext.Current.CancellationToken);
        await ApiServiceRegistration.RegisterAsync(_client, "external.metrics.k8s.io", "v1beta1", "default", "test-adapter", _adapter.Port,
            TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _adapter.DisposeAsync();

    [Fact]
    public async Task ExternalMetric_ScalesTheDeploymentUpThenDown()
    {
        var ct = TestContext.Current.CancellationToken;
        Interlocked.Exchange(ref _queueLength, 0);
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("consumer", 1), "default", cancellationToken: ct);
        await EventuallyAsync(() => _client.AppsV1.ReadNamespacedDeploymentAsync("consumer", "default", cancellationToken: ct),
            d => d.Status?.ReadyReplicas == 1, "1 ready replica");
        await _client.AutoscalingV2.CreateNamespacedHorizontalPodAutoscalerAsync(Hpa(), "default", cancellationToken: ct);

        Interlocked.Exchange(ref _queueLength, 4);
        var up = await EventuallyAsync(() => _client.AutoscalingV2.ReadNamespacedHorizontalPodAutoscalerAsync("keda-hpa-consumer", "default", cancellationToken: ct),
            h => h.Status?.CurrentReplicas == 4 && h.Status.DesiredReplicas == 4, "the HPA to report 4 replicas");
        Interlocked.Exchange(ref _queueLength, 1);
        var down = await EventuallyAsync(() => _client.AppsV1.ReadNamespacedDeploymentAsync("consumer", "default", cancellationToken: ct),
            d => d.Spec.Replicas == 1, "the deployment back at 1 replica");

        Assert.Equal("scaledobject.keda.sh/name=consumer", _lastSelector);
        Assert.Contains(up.Status.Conditions, c => c is { Type: "ScalingActive", Status: "True", Reason: "ValidMetricFound" });
        Assert.NotNull(up.Status.LastScaleTime);
        Assert.Equal("1", Assert.Single(up.Status.CurrentMetrics).External.Current.AverageValue.ToString());
        Assert.Equal(1, down.Spec.Replicas);
        await EventuallyAsync(() => _client.CoreV1.ListNamespacedEventAsync("default", cancellationToken: ct),
            events => events.Items.Any(e => e.Reason == "SuccessfulRescale" && e.InvolvedObject.Name == "keda-hpa-consumer"
                && e.Message.StartsWith("New size: 4; reason: external metric s0-queue(", StringComparison.Ordinal)),
            "the SuccessfulRescale event");
    }

    private static V2HorizontalPodAutoscaler Hpa() => new()
    {
        Metadata = new V1ObjectMeta { Name = "keda-hpa-consumer", NamespaceProperty = "default" },
        Spec = new V2HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = "consumer" },
            MinReplicas = 1,
            MaxReplicas = 5,
            Behavior = new V2HorizontalPodAutoscalerBehavior { ScaleDown = new V2HPAScalingRules { StabilizationWindowSeconds = 0 } },
            Metrics =
            [
                new V2MetricSpec
                {
                    Type = "External",
                    External = new V2ExternalMetricSource
                    {
                        Metric = new V2MetricIdentifier
                        {
                            Name = "s0-queue",
                            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["scaledobject.keda.sh/name"] = "consumer" } },
                        },
                        Target = new V2MetricTarget { Type = "AverageValue", AverageValue = new ResourceQuantity("1") },
                    },
                },
            ],
        },
    };
}
