using k8s;
using Operator.Tests.Support;
using static Operator.Tests.Support.ControlPlaneFixture;

namespace Operator.Tests.ScaleLoop;

/// <summary>Direct mode against a real Prometheus scraping a value the test sets.</summary>
public sealed partial class DirectModeTests
{
    [Fact]
    public async Task DirectMode_RealPrometheus_ScalesOneToFourAndBack_AtTheSyncPeriod_NotTheLongPollingInterval()
    {
        prometheus.RequireAddress();
        var ns = await SetUpAsync();
        prometheus.Values[ns] = 5;
        await CreateDeploymentAsync(ns, "reports", 1);
        var trigger = ScaledObjectScenario.PrometheusTrigger(prometheus.Address!, ns, threshold: 5, activationThreshold: 1).ToJsonString();
        // A 300 s pollingInterval: only the 1 s sync period lets the HPA half react within the test's patience.
        await CreateScaledObjectAsync(ns, "reports-so", "reports", trigger,
            """ "pollingInterval": 300, "minReplicaCount": 1, "maxReplicaCount": 10, "advanced": {"horizontalPodAutoscalerConfig": {"behavior": {"scaleDown": {"stabilizationWindowSeconds": 0}}}} """);
        using var host = await StartOperatorAsync(o => o.DirectSyncPeriod = TimeSpan.FromSeconds(1));
        await EventuallyAsync(() => KubectlGetScaledObjectAsync(ns, "reports-so"), r => r["READY"] == "True" && r["ACTIVE"] == "True",
            "kubectl get so to show Ready and Active at value 5 (threshold 5: one replica)");

        prometheus.Values[ns] = 20;

        await EventuallyAsync(() => ReplicasAsync(ns, "reports"), r => r == 4, "20 against an AverageValue target of 5 asks for 4 replicas");
        prometheus.Values[ns] = 5;
        await EventuallyAsync(() => ReplicasAsync(ns, "reports"), r => r == 1, "5 against 5 per replica asks for 1 again");
        var rescales = await EventuallyAsync(() => KubectlEventLinesAsync(ns, "SuccessfulRescale"), lines => lines.Count >= 2,
            "both rescales as SuccessfulRescale events");
        Assert.Contains(rescales, l => l.Contains("New size: 4; reason: external metric s0-prometheus(", StringComparison.Ordinal)
            && l.Contains("above target", StringComparison.Ordinal));
        Assert.Contains(rescales, l => l.Contains("New size: 1; reason: All metrics below target", StringComparison.Ordinal));
        Assert.Empty((await _client.AutoscalingV2.ListNamespacedHorizontalPodAutoscalerAsync(ns, cancellationToken: TestContext.Current.CancellationToken)).Items);
    }
}
