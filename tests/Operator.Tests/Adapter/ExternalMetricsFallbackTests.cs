using System.Text.Json.Nodes;
using Operator.Tests.Controllers;
using Operator.Tests.Scalers.Prometheus;
using Operator.Tests.Support;

namespace Operator.Tests.Adapter;

/// <summary>
/// The metrics adapter counts fallback health as KEDA's does, on the embedded control plane: the HPA controller asks
/// the adapter (through the APIService) every second while the scale loop polls once an hour, so every failure after
/// the loop's first poll is one the adapter saw.
/// </summary>
public sealed class ExternalMetricsFallbackTests(OperatorFixture fixture) : IClassFixture<OperatorFixture>
{
    private const string Metric = "s0-prometheus";
    private const string Five = """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1700000000,"5"]}]}}""";

    [Fact]
    public async Task FailingPrometheus_HpaRequestsRaiseHealthFailures_OncePerPollingInterval_AndTheHpaGetsFallbackReplicas()
    {
        var failing = 0;
        await using var prometheus = await PrometheusStubServer.StartAsync(_ =>
            Task.FromResult(Volatile.Read(ref failing) == 1 ? (503, "{}") : (200, Five)));
        var scenario = new ScaledObjectScenario(fixture.Client, await fixture.NamespaceAsync());
        await scenario.CreateDeploymentAsync("orders", 1);
        await scenario.CreateScaledObjectAsync("orders", "orders", new JsonObject
        {
            ["pollingInterval"] = 3600,
            ["minReplicaCount"] = 1,
            ["maxReplicaCount"] = 5,
            ["fallback"] = new JsonObject { ["failureThreshold"] = 0, ["replicas"] = 3 },
            ["triggers"] = new JsonArray(ScaledObjectScenario.PrometheusTrigger(prometheus.Address, "orders", threshold: 10, activationThreshold: 0)),
        });
        await scenario.EventuallyAsync("orders", so => so.Status?.Health?.GetValueOrDefault(Metric)?.Status == "Happy", "the loop's first poll succeeded");

        Volatile.Write(ref failing, 1);

        var failed = await scenario.EventuallyAsync("orders", so => ScaledObjectScenario.Condition(so, "Fallback", out _) == "True",
            "Fallback=True from an adapter request that failed");
        Assert.Equal("Failing", failed.Status!.Health![Metric].Status);
        await scenario.EventuallyReplicasAsync("orders", 3, "the HPA applies the fallback value the adapter serves (3 replicas x threshold 10)");
        var requests = prometheus.Requests.Count;
        await ControlPlaneFixture.EventuallyAsync(() => Task.FromResult(prometheus.Requests.Count), c => c >= requests + 3, "three more adapter requests");
        var after = await scenario.ScaledObjectAsync("orders");
        Assert.Equal(1, after.Status!.Health![Metric].NumberOfFailures);
        Assert.Contains(await scenario.EventsAsync("orders"), e => e.Reason == "ScaledObjectFallbackActivated");
    }
}
