using System.Text;
using EmbeddedKubernetes.Tests.Support;

namespace EmbeddedKubernetes.Tests.Aggregation;

/// <summary>An APIService backed by a selector-less Service + EndpointSlice at 127.0.0.1 is proxied like kube-apiserver does.</summary>
public sealed class ApiAggregationTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task ExternalMetrics_AreProxiedToTheBackend_AndTheGroupIsDiscoverable()
    {
        var kubectl = Kubectl.For(fixture.Cluster);
        await using var backend = await MetricsBackend.StartAsync("keda-operator-metrics-apiserver.keda.svc");
        (await kubectl.RunWithInputAsync(Manifests(backend, useCaBundle: true), "apply", "-f", "-")).EnsureSuccess();

        var raw = await kubectl.RunAsync("get", "--raw",
            "/apis/external.metrics.k8s.io/v1beta1/namespaces/default/s0-prometheus?labelSelector=scaledobject.keda.sh%2Fname%3Dweb");
        var groups = await kubectl.RunAsync("get", "--raw", "/apis");

        Assert.Contains("\"value\":\"42\"", raw.EnsureSuccess().Stdout, StringComparison.Ordinal);
        Assert.Contains("scaledobject.keda.sh/name=web", raw.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"external.metrics.k8s.io/v1beta1\"", groups.EnsureSuccess().Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiService_BecomesAvailable_WhenTheBackendAnswersDiscovery()
    {
        var kubectl = Kubectl.For(fixture.Cluster);
        await using var backend = await MetricsBackend.StartAsync("keda-operator-metrics-apiserver.keda.svc");
        (await kubectl.RunWithInputAsync(Manifests(backend, useCaBundle: false), "apply", "-f", "-")).EnsureSuccess();

        var wait = await kubectl.RunAsync("wait", "--for=condition=Available", "apiservice/v1beta1.external.metrics.k8s.io", "--timeout=40s");
        var resources = await kubectl.RunAsync("get", "--raw", "/apis/external.metrics.k8s.io/v1beta1");

        Assert.Contains("condition met", wait.EnsureSuccess().Stdout, StringComparison.Ordinal);
        Assert.Contains("externalmetrics", resources.EnsureSuccess().Stdout, StringComparison.Ordinal);
    }

    private static string Manifests(MetricsBackend backend, bool useCaBundle)
    {
        var tls = useCaBundle
            ? $"caBundle: {Convert.ToBase64String(Encoding.ASCII.GetBytes(backend.CaPem))}"
            : "insecureSkipTLSVerify: true";
        return $$"""
            apiVersion: v1
            kind: Namespace
            metadata: {name: keda}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: keda-operator-metrics-apiserver, namespace: keda}
            spec:
              ports:
              - {name: https, port: 443, targetPort: 6443}
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: keda-operator-metrics-apiserver-host
              namespace: keda
              labels: {kubernetes.io/service-name: keda-operator-metrics-apiserver}
            addressType: IPv4
            endpoints:
            - addresses: [127.0.0.1]
              conditions: {ready: true}
            ports:
            - {name: https, port: {{backend.Port}}, protocol: TCP}
            ---
            apiVersion: apiregistration.k8s.io/v1
            kind: APIService
            metadata: {name: v1beta1.external.metrics.k8s.io}
            spec:
              group: external.metrics.k8s.io
              version: v1beta1
              groupPriorityMinimum: 100
              versionPriority: 100
              {{tls}}
              service: {name: keda-operator-metrics-apiserver, namespace: keda, port: 443}
            """;
    }
}
