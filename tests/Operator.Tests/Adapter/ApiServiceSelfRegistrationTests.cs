using k8s;
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

        await fixture.ApplyAsync("default", ControlPlaneFixture.Deployment("web", 1) + """

            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: keda-hpa-web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 1
              maxReplicas: 10
              metrics:
              - type: External
                external:
                  metric:
                    name: s0-queue
                    selector: {matchLabels: {scaledobject.keda.sh/name: web}}
                  target: {type: AverageValue, averageValue: "1"}
            """);

        var scaled = await ControlPlaneFixture.EventuallyAsync(
            () => fixture.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default", cancellationToken: ct),
            d => d.Spec.Replicas == 3, "the HPA controller to scale web to 3 replicas from the adapter's value");
        Assert.Equal(3, scaled.Spec.Replicas);
    }
}
