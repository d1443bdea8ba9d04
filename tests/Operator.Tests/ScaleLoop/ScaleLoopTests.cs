using System.Text.Json.Nodes;
using k8s;
using Operator.Tests.Controllers;
using Operator.Tests.Scalers.Prometheus;
using Operator.Tests.Support;

namespace Operator.Tests.ScaleLoop;

/// <summary>
/// The scale loop on the embedded control plane over HTTP, against a real Prometheus scraping a value the test sets:
/// each test proves one KEDA behaviour end to end (operator, HPA controller, adapter through the APIService).
/// </summary>
[Collection(PrometheusServerCollection.Name)]
public sealed class ScaleLoopTests(OperatorFixture fixture, PrometheusServerFixture prometheus) : IClassFixture<OperatorFixture>
{
    [Fact]
    public async Task ValueCrossingActivationThreshold_ScalesTargetFromZeroToOne()
    {
        var (scenario, series) = await ScenarioAsync(value: 2);
        await scenario.CreateDeploymentAsync("web", 0);
        await scenario.CreateScaledObjectAsync("web", "web", Spec(series, activationThreshold: 5));
        await scenario.EventuallyAsync("web", so => so.Status?.TriggersActivity?.Values.Any(a => !a.IsActive) == true
            && ScaledObjectScenario.Condition(so, "Active", out _) == "False", "a poll that saw 2 <= activationThreshold 5");
        Assert.Equal(0, await scenario.ReplicasAsync("web"));

        prometheus.Values[series] = 8;

        await scenario.EventuallyReplicasAsync("web", 1, "8 > activationThreshold 5");
        var so = await scenario.EventuallyAsync("web", s => ScaledObjectScenario.Condition(s, "Active", out _) == "True", "Active=True");
        Assert.NotNull(so.Status!.LastActiveTime);
        Assert.Contains(await scenario.EventsAsync("web"), e => e.Reason == "KEDAScaleTargetActivated" && e.Message.Contains("from 0 to 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IdleReplicaCount_InactiveGoesToIdle_ActiveJumpsToMin()
    {
        var (scenario, series) = await ScenarioAsync(value: 0);
        await scenario.CreateDeploymentAsync("worker", 3);
        var spec = Spec(series, activationThreshold: 5);
        spec["idleReplicaCount"] = 0;
        spec["minReplicaCount"] = 2;
        await scenario.CreateScaledObjectAsync("worker", "worker", spec);

        await scenario.EventuallyReplicasAsync("worker", 0, "inactive after the cooldown goes to idleReplicaCount 0");
        prometheus.Values[series] = 8;

        await scenario.EventuallyReplicasAsync("worker", 2, "active below minReplicaCount jumps to minReplicaCount 2");
    }

    [Fact]
    public async Task DeadPrometheus_AfterFailureThreshold_HpaScalesToFallbackReplicas()
    {
        var scenario = new ScaledObjectScenario(fixture.Client, await fixture.NamespaceAsync());
        await scenario.CreateDeploymentAsync("orders", 1);
        var spec = Spec("unused", activationThreshold: 0, serverAddress: $"http://127.0.0.1:{ClosedPort()}");
        spec["minReplicaCount"] = 1;
        spec["fallback"] = new JsonObject { ["failureThreshold"] = 2, ["replicas"] = 3 };
        await scenario.CreateScaledObjectAsync("orders", "orders", spec);

        var so = await scenario.EventuallyAsync("orders", s => ScaledObjectScenario.Condition(s, "Fallback", out _) == "True",
            "Fallback=True after more than failureThreshold failures");
        var health = Assert.Single(so.Status!.Health!);
        Assert.Equal("Failing", health.Value.Status);
        Assert.True(health.Value.NumberOfFailures > 2, $"numberOfFailures {health.Value.NumberOfFailures} > failureThreshold 2");

        await scenario.EventuallyReplicasAsync("orders", 3, "the HPA applies the fallback metric the adapter serves");
        Assert.Contains(await scenario.EventsAsync("orders"), e => e.Reason == "ScaledObjectFallbackActivated");
    }

    [Fact]
    public async Task PausedReplicas_PinsTheTarget_AndUnpausingHandsItBackToTheLoop()
    {
        var (scenario, series) = await ScenarioAsync(value: 0);
        await scenario.CreateDeploymentAsync("batch", 1);
        await scenario.CreateScaledObjectAsync("batch", "batch", Spec(series, activationThreshold: 5),
            new Dictionary<string, string> { ["autoscaling.keda.sh/paused-replicas"] = "4" });

        await scenario.EventuallyReplicasAsync("batch", 4, "paused-replicas pins the target");
        var paused = await scenario.EventuallyAsync("batch", s => s.Status?.PausedReplicaCount == 4
            && ScaledObjectScenario.Condition(s, "Paused", out _) == "True", "Paused=True with pausedReplicaCount 4");
        Assert.Equal(4, paused.Status!.PausedReplicaCount);
        await ControlPlaneFixture.EventuallyAsync(
            async () => (await fixture.Client.AutoscalingV2.ListNamespacedHorizontalPodAutoscalerAsync(scenario.Namespace,
                cancellationToken: TestContext.Current.CancellationToken)).Items.Count,
            count => count == 0, "the HPA deleted while paused");

        await scenario.AnnotateAsync("batch", new Dictionary<string, string?> { ["autoscaling.keda.sh/paused-replicas"] = null });

        await scenario.EventuallyReplicasAsync("batch", 0, "unpaused and inactive, the loop scales to zero after the cooldown");
        var unpaused = await scenario.EventuallyAsync("batch", s => ScaledObjectScenario.Condition(s, "Paused", out _) == "False", "Paused=False");
        ScaledObjectScenario.Condition(unpaused, "Paused", out var reason);
        Assert.Equal("ScaledObjectUnpaused", reason);
        Assert.Null(unpaused.Status!.PausedReplicaCount);
    }

    [Fact]
    public async Task OperatorRestartedMidCooldown_ScalesToZeroOnlyAfterLastActiveTimePlusCooldown()
    {
        var (scenario, series) = await ScenarioAsync(value: 8);
        await scenario.CreateDeploymentAsync("api", 0);
        var spec = Spec(series, activationThreshold: 5);
        spec["cooldownPeriod"] = 6;
        await scenario.CreateScaledObjectAsync("api", "api", spec);
        await scenario.EventuallyReplicasAsync("api", 1, "active");

        prometheus.Values[series] = 0;
        var cooling = await scenario.EventuallyAsync("api", s => ScaledObjectScenario.Condition(s, "Active", out var r) == "False" && r == "ScalerCooldown",
            "Active=False/ScalerCooldown");
        var lastActive = cooling.Status!.LastActiveTime!.Value;
        await fixture.StopOperatorAsync();
        await fixture.StartOperatorAsync();

        await scenario.EventuallyReplicasAsync("api", 0, "scaled to zero by the restarted operator");
        var after = await scenario.ScaledObjectAsync("api");
        Assert.Equal(lastActive, after.Status!.LastActiveTime);
        var deactivated = Assert.Single(await scenario.EventsAsync("api"), e => e.Reason == "KEDAScaleTargetDeactivated");
        Assert.True(deactivated.LastTimestamp >= lastActive.AddSeconds(6),
            $"deactivated at {deactivated.LastTimestamp:O}, lastActiveTime {lastActive:O} + cooldownPeriod 6s");
    }

    private async Task<(ScaledObjectScenario Scenario, string Series)> ScenarioAsync(double value)
    {
        prometheus.RequireAddress();
        var ns = await fixture.NamespaceAsync();
        prometheus.Values[ns] = value;
        return (new ScaledObjectScenario(fixture.Client, ns), ns);
    }

    private JsonObject Spec(string series, double activationThreshold, string? serverAddress = null) => new()
    {
        ["pollingInterval"] = 1,
        ["cooldownPeriod"] = 1,
        ["maxReplicaCount"] = 5,
        ["triggers"] = new JsonArray(ScaledObjectScenario.PrometheusTrigger(serverAddress ?? prometheus.Address!, series, threshold: 10, activationThreshold)),
    };

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
