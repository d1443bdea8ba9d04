using k8s.Models;
using Kubernetes.Controller.Autoscaling;
using Microsoft.Extensions.Time.Testing;

namespace Kubernetes.Controller.Tests.Autoscaling;

public sealed class HpaAutoscalerTests
{
    private readonly FakeTimeProvider _time = new(HpaTestPods.Now);
    private readonly TableMetricsSource _metrics = new();

    private HpaAutoscaler Autoscaler() =>
        new(HpaDefaults.Tolerance, HpaDefaults.DownscaleStabilizationWindow, HpaDefaults.CpuInitializationPeriod,
            HpaDefaults.InitialReadinessDelay, _time);

    [Fact]
    public async Task Decide_TargetAtZero_DisablesScaling()
    {
        _metrics.External["s0-queue"] = [50_000];

        var decision = await Autoscaler().DecideAsync(Hpa(), new ScaleSnapshot(0, 0, "app=web"), _metrics, TestContext.Current.CancellationToken);

        Assert.False(decision.Rescale);
        var active = Assert.Single(decision.Conditions, c => c.Type == "ScalingActive");
        Assert.Equal(("False", "ScalingDisabled"), (active.Status, active.Reason));
    }

    [Fact]
    public async Task Decide_ExternalAverageValue_ScalesUpWithUpstreamReason()
    {
        _metrics.External["s0-queue"] = [12_000];

        var decision = await Autoscaler().DecideAsync(Hpa(), new ScaleSnapshot(1, 1, "app=web"), _metrics, TestContext.Current.CancellationToken);

        Assert.True(decision.Rescale);
        Assert.Equal(4, decision.DesiredReplicas);
        Assert.Equal(
            "external metric s0-queue(&LabelSelector{MatchLabels:map[string]string{scaledobject.keda.sh/name: web,},MatchExpressions:[]LabelSelectorRequirement{},}) above target",
            decision.RescaleReason);
        Assert.Equal("scaledobject.keda.sh/name=web", Assert.Single(_metrics.ExternalSelectors));
        Assert.Equal("ScaleUpLimit", decision.Conditions.Single(c => c.Type == "ScalingLimited").Reason);
    }

    [Fact]
    public async Task Decide_AboveMaxReplicas_ClampsWithoutMetrics()
    {
        var decision = await Autoscaler().DecideAsync(Hpa(max: 3), new ScaleSnapshot(5, 5, "app=web"), _metrics, TestContext.Current.CancellationToken);

        Assert.Equal(3, decision.DesiredReplicas);
        Assert.Equal("Current number of replicas above Spec.MaxReplicas", decision.RescaleReason);
        Assert.Empty(_metrics.ExternalSelectors);
    }

    [Fact]
    public async Task Decide_MetricUnavailable_DoesNotScaleAndReportsFailedGetExternalMetric()
    {
        _metrics.ExternalError = "connection refused";

        var decision = await Autoscaler().DecideAsync(Hpa(), new ScaleSnapshot(2, 2, "app=web"), _metrics, TestContext.Current.CancellationToken);

        Assert.False(decision.Rescale);
        Assert.NotNull(decision.Error);
        var active = decision.Conditions.Single(c => c.Type == "ScalingActive");
        Assert.Equal(("False", "FailedGetExternalMetric"), (active.Status, active.Reason));
        Assert.Contains(decision.Events, e => e.Reason == "FailedComputeMetricsReplicas" && e.Type == "Warning");
    }

    [Fact]
    public async Task Decide_MissingSelector_ReportsInvalidSelector()
    {
        _metrics.External["s0-queue"] = [5000];

        var decision = await Autoscaler().DecideAsync(Hpa(), new ScaleSnapshot(2, 2, ""), _metrics, TestContext.Current.CancellationToken);

        Assert.Equal("InvalidSelector", decision.Conditions.Single(c => c.Type == "ScalingActive").Reason);
        Assert.Contains(decision.Events, e => e.Reason == "SelectorRequired");
    }

    [Fact]
    public async Task Decide_WithoutBehavior_HoldsScaleDownForTheStabilizationWindow()
    {
        var autoscaler = Autoscaler();
        _metrics.External["s0-queue"] = [1000];

        var first = await autoscaler.DecideAsync(Hpa(), new ScaleSnapshot(4, 4, "app=web"), _metrics, TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var later = await autoscaler.DecideAsync(Hpa(), new ScaleSnapshot(4, 4, "app=web"), _metrics, TestContext.Current.CancellationToken);

        Assert.Equal((4, false), (first.DesiredReplicas, first.Rescale));
        Assert.Equal("ScaleDownStabilized", first.Conditions.Single(c => c.Type == "AbleToScale").Reason);
        Assert.Equal((1, true), (later.DesiredReplicas, later.Rescale));
        Assert.Equal("All metrics below target", later.RescaleReason);
    }

    [Fact]
    public async Task Decide_WithBehavior_LimitsScaleDownRatePerPeriod()
    {
        var autoscaler = Autoscaler();
        var hpa = Hpa(behavior: new V2HorizontalPodAutoscalerBehavior
        {
            ScaleDown = ScalingRulesTests.Rules(1, 60, 0, 0, 0),
        });
        _metrics.External["s0-queue"] = [1000];

        var first = await autoscaler.DecideAsync(hpa, new ScaleSnapshot(4, 4, "app=web"), _metrics, TestContext.Current.CancellationToken);
        autoscaler.CompleteRescale(hpa, first, error: null);
        _time.Advance(TimeSpan.FromSeconds(15));
        var blocked = await autoscaler.DecideAsync(hpa, new ScaleSnapshot(3, 3, "app=web"), _metrics, TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(50));
        var next = await autoscaler.DecideAsync(hpa, new ScaleSnapshot(3, 3, "app=web"), _metrics, TestContext.Current.CancellationToken);

        Assert.Equal(3, first.DesiredReplicas);
        Assert.Contains(first.Events, e => e is { Reason: "SuccessfulRescale", Message: "New size: 3; reason: All metrics below target" });
        Assert.Equal((3, false), (blocked.DesiredReplicas, blocked.Rescale));
        Assert.Equal("ScaleDownLimit", blocked.Conditions.Single(c => c.Type == "ScalingLimited").Reason);
        Assert.Equal(2, next.DesiredReplicas);
    }

    [Fact]
    public async Task StatusFor_SuccessfulRescale_SetsLastScaleTimeAndMetrics()
    {
        var autoscaler = Autoscaler();
        _metrics.External["s0-queue"] = [3000];
        var hpa = Hpa();

        var decision = await autoscaler.DecideAsync(hpa, new ScaleSnapshot(1, 1, "app=web"), _metrics, TestContext.Current.CancellationToken);
        autoscaler.CompleteRescale(hpa, decision, error: null);
        var status = autoscaler.StatusFor(hpa, decision);

        Assert.Equal((1, 3), (status.CurrentReplicas, status.DesiredReplicas));
        Assert.Equal(HpaTestPods.Now.UtcDateTime, status.LastScaleTime);
        Assert.Equal("3", Assert.Single(status.CurrentMetrics).External.Current.AverageValue.ToString());
        Assert.Equal("SucceededRescale", status.Conditions.Single(c => c.Type == "AbleToScale").Reason);
    }

    internal static V2HorizontalPodAutoscaler Hpa(int max = 10, V2HorizontalPodAutoscalerBehavior? behavior = null, string target = "web") => new()
    {
        Metadata = new V1ObjectMeta { Name = $"keda-hpa-{target}", NamespaceProperty = "default", Generation = 1 },
        Spec = new V2HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = target },
            MinReplicas = 1,
            MaxReplicas = max,
            Behavior = behavior,
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
                            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["scaledobject.keda.sh/name"] = target } },
                        },
                        Target = new V2MetricTarget { Type = "AverageValue", AverageValue = new ResourceQuantity("1") },
                    },
                },
            ],
        },
    };
}
