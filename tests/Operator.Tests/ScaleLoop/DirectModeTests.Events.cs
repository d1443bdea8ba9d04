using k8s;
using Microsoft.Extensions.DependencyInjection;
using Operator.Decisions;
using static Operator.Tests.Support.ControlPlaneFixture;

namespace Operator.Tests.ScaleLoop;

/// <summary>Direct mode records what the HPA controller would have recorded: its Events and conditions, on the ScaledObject.</summary>
public sealed partial class DirectModeTests
{
    private const string Unreachable = """{"type":"prometheus","metadata":{"serverAddress":"http://127.0.0.1:1","query":"sum(queue)","threshold":"5"}}""";

    [Fact]
    public async Task DirectMode_RescaleIsASuccessfulRescaleEventAndConditionsOnTheScaledObject_SeenWithKubectl()
    {
        var ns = await SetUpAsync();
        await CreateDeploymentAsync(ns, "web", 0);
        await CreateScaledObjectAsync(ns, "web-so", "web", CronTrigger(Open), """ "pollingInterval": 1, "maxReplicaCount": 10 """);
        using var host = await StartOperatorAsync();

        await EventuallyAsync(() => ReplicasAsync(ns, "web"), r => r == 4, "direct mode to scale the Deployment 0→1→4");

        var rescale = (await EventuallyAsync(() => KubectlEventLinesAsync(ns, "SuccessfulRescale"), lines => lines.Count > 0,
            "kubectl get events to list the SuccessfulRescale the HPA controller would have recorded"))[0];
        Assert.Contains("scaledobject/web-so", rescale, StringComparison.Ordinal);
        Assert.Contains("New size: 4; reason: external metric s0-cron-", rescale, StringComparison.Ordinal);
        Assert.Contains("above target", rescale, StringComparison.Ordinal);
        var row = await EventuallyAsync(() => KubectlGetScaledObjectAsync(ns, "web-so"), r => r["READY"] == "True" && r["ACTIVE"] == "True",
            "kubectl get so to show Ready and Active");
        Assert.Equal("10", row["MAX"]);
        var described = await EventuallyAsync(async () => (await fixture.Kubectl.RunAsync("describe", "so", "web-so", "-n", ns)).EnsureSuccess().Stdout,
            text => text.Contains("ValidMetricFound", StringComparison.Ordinal), "kubectl describe so to show the HPA's ScalingActive condition");
        Assert.Contains("AbleToScale", described, StringComparison.Ordinal);
        Assert.Contains("ScalingActive", described, StringComparison.Ordinal);
        Assert.Contains("ScalingLimited", described, StringComparison.Ordinal);
        Assert.Contains("SuccessfulRescale", described, StringComparison.Ordinal);
        TestContext.Current.TestOutputHelper?.WriteLine(described);
        TestContext.Current.TestOutputHelper?.WriteLine((await fixture.Kubectl.RunAsync("get", "events", "-n", ns)).Stdout);
    }

    [Fact]
    public async Task DirectMode_FailingTrigger_RecordsFailedGetExternalMetricAndFailedComputeMetricsReplicas_AggregatedAsClientGoDoes()
    {
        var ns = await SetUpAsync();
        await CreateDeploymentAsync(ns, "orders", 1);
        await CreateScaledObjectAsync(ns, "orders-so", "orders", Unreachable, """ "pollingInterval": 1, "minReplicaCount": 1, "maxReplicaCount": 5 """);
        using var host = await StartOperatorAsync();

        var first = await EventuallyAsync(() => KubectlEventLinesAsync(ns, "FailedGetExternalMetric"), lines => lines.Count > 0,
            "FailedGetExternalMetric recorded on the ScaledObject");
        Assert.Contains("scaledobject/orders-so", first[0], StringComparison.Ordinal);
        Assert.Contains("failed to get s0-prometheus external metric: unable to get external metric " + ns + "/s0-prometheus/", first[0], StringComparison.Ordinal);
        Assert.Contains("unable to fetch metrics from external metrics API:", first[0], StringComparison.Ordinal);
        var compute = await EventuallyAsync(() => KubectlEventLinesAsync(ns, "FailedComputeMetricsReplicas"), lines => lines.Count > 0,
            "FailedComputeMetricsReplicas recorded on the ScaledObject");
        Assert.Contains("invalid metrics (1 invalid out of 1), first error is: failed to get s0-prometheus external metric", compute[0], StringComparison.Ordinal);

        // Each poll's error names its query time, so messages differ: after ten, client-go folds them into one counted Event.
        await EventuallyAsync(() => KubectlEventLinesAsync(ns, "FailedGetExternalMetric"),
            lines => lines.Any(l => l.Contains("(combined from similar events)", StringComparison.Ordinal) && l.Contains("(x", StringComparison.Ordinal)),
            "the repeated failures folded into one combined Event with a count");
        var events = await _client.CoreV1.ListNamespacedEventAsync(ns, cancellationToken: TestContext.Current.CancellationToken);
        Assert.InRange(events.Items.Count(e => e.Reason == "FailedGetExternalMetric"), 2, 10);
        var status = await ScaledObjectStatusAsync(ns, "orders-so");
        var scalingActive = status.GetProperty("conditions").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "ScalingActive");
        Assert.Equal("False", scalingActive.GetProperty("status").GetString());
        Assert.Equal("FailedGetExternalMetric", scalingActive.GetProperty("reason").GetString());
        Assert.Equal(1, await ReplicasAsync(ns, "orders"));
    }

    [Fact]
    public async Task DirectMode_NonDefaultTolerance_KeepsReplicasTheDefaultWouldChange()
    {
        var ns = await SetUpAsync();
        // 4 replicas, cron metric 5 against an AverageValue target of 1: a usage ratio of 1.25.
        await CreateDeploymentAsync(ns, "api", 4);
        await EventuallyAsync(async () => (await _client.AppsV1.ReadNamespacedDeploymentAsync("api", ns)).Status?.Replicas, r => r == 4,
            "the Deployment's four pods to exist");
        await CreateScaledObjectAsync(ns, "api-so", "api", CronTrigger(Open.Replace("\"4\"", "\"5\"", StringComparison.Ordinal)),
            """ "pollingInterval": 1, "maxReplicaCount": 10 """);

        using (var tolerant = await StartOperatorAsync(o => o.DirectTolerance = 0.3))
        {
            var log = tolerant.Services.GetRequiredService<IDecisionLog>();
            var kept = await EventuallyAsync(() => Task.FromResult(log.Recent(ns, "api-so")),
                records => records.Any(r => r.Rule == DecisionRules.Direct), "a direct-mode decision with tolerance 0.3");
            Assert.Equal("kept 4 replicas: direct mode, the metrics ask for 4", kept.Last(r => r.Rule == DecisionRules.Direct).Summary);
            Assert.Equal(4, await ReplicasAsync(ns, "api"));
            await tolerant.StopAsync(TestContext.Current.CancellationToken);
        }

        using var standard = await StartOperatorAsync();
        await EventuallyAsync(() => ReplicasAsync(ns, "api"), r => r == 5, "the default tolerance 0.1 to scale 4→5 on the same ratio");
    }

    // The lines of `kubectl get events` with this reason.
    private async Task<List<string>> KubectlEventLinesAsync(string ns, string reason) =>
        [.. (await fixture.Kubectl.RunAsync("get", "events", "-n", ns)).EnsureSuccess().Stdout
            .Split('\n').Where(l => l.Contains(" " + reason + " ", StringComparison.Ordinal))];
}
