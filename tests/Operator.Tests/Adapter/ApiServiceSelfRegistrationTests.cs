using k8s;
using k8s.Models;
using Operator.Tests.Hosting;
using Operator.Tests.Support;

namespace Operator.Tests.Adapter;

/// <summary>
/// The operator registers its adapter with the control plane (APIService + selector-less Service + EndpointSlice, TLS
/// checked against the caBundle) and the control plane reaches it: kubectl through the aggregation layer, and the
/// HPA controller scaling a Deployment from an External metric served by the adapter.
/// </summary>
public sealed class ApiServiceSelfRegistrationTests(ControlPlaneFixture fixture) : IClassFixture<ControlPlaneFixture>
{
    [Fact]
    public async Task Operator_RegistersItsAdapter_AndTheControlPlaneServesItsMetricsToKubectlAndTheHpa()
    {
        var ct = TestContext.Current.CancellationToken;
        var kubectl = fixture.Kubectl;
        var source = new TableMetricsSource();
        source.Values[("default", "web", "s0-queue")] = 3;
        await using var host = await OperatorEndpointsHost.StartAsync(source, fixture.Client, o => o.RegisterApiService = true);

        var available = await ControlPlaneFixture.EventuallyAsync(
            () => kubectl.RunAsync("get", "apiservice", "v1beta1.external.metrics.k8s.io", "-o", "jsonpath={.status.conditions[?(@.type==\"Available\")].status}"),
            r => r.Stdout == "True", "the APIService to become Available");
        var raw = await kubectl.RunAsync("get", "--raw",
            "/apis/external.metrics.k8s.io/v1beta1/namespaces/default/s0-queue?labelSelector=scaledobject.keda.sh%2Fname%3Dweb");
        var apiService = await fixture.Client.ApiregistrationV1.ReadAPIServiceAsync("v1beta1.external.metrics.k8s.io", cancellationToken: ct);

        Assert.Equal("True", available.Stdout);
        Assert.Contains("\"value\":\"3\"", raw.EnsureSuccess().Stdout, StringComparison.Ordinal);
        Assert.NotNull(apiService.Spec.CaBundle);
        Assert.NotEqual(true, apiService.Spec.InsecureSkipTLSVerify);

        await fixture.Client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web"), "default", cancellationToken: ct);
        await fixture.Client.AutoscalingV2.CreateNamespacedHorizontalPodAutoscalerAsync(Hpa("web"), "default", cancellationToken: ct);

        var scaled = await ControlPlaneFixture.EventuallyAsync(
            () => fixture.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default", cancellationToken: ct),
            d => d.Spec.Replicas == 3, "the HPA controller to scale web to 3 replicas from the adapter's value");
        Assert.Equal(3, scaled.Spec.Replicas);
    }

    private static V1Deployment Deployment(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
        Spec = new V1DeploymentSpec
        {
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = $"{name}:1" }] },
            },
        },
    };

    private static V2HorizontalPodAutoscaler Hpa(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = "keda-hpa-" + name, NamespaceProperty = "default" },
        Spec = new V2HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = name },
            MinReplicas = 1,
            MaxReplicas = 10,
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
                            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["scaledobject.keda.sh/name"] = name } },
                        },
                        Target = new V2MetricTarget { Type = "AverageValue", AverageValue = new ResourceQuantity("1") },
                    },
                },
            ],
        },
    };
}
