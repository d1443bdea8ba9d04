using k8s.Models;
using Kubernetes.Controller.Autoscaling;
using Microsoft.Extensions.Time.Testing;
using Operator.Api;
using Operator.Scalers;
using Operator.Scaling.Direct;
using Operator.Scaling.Hpa;

namespace Operator.Tests.Scaling.Direct;

// Direct mode runs the shared HPA algorithm on the HPA KEDA would create; these pin the answers the cluster's HPA gives.
public sealed class DirectAutoscalerTests
{
    private const string Metric = "s0-prometheus";

    private static readonly GroupVersionKindResource Deployment = new() { Group = "apps", Version = "v1", Kind = "Deployment", Resource = "deployments" };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly TablePods _pods = new();

    [Fact]
    public async Task AverageValueTarget_AsksForTotalOverTarget_RoundedUp()
    {
        var decision = await DecideAsync(NewScaledObject(), External("AverageValue", "2"), current: 5, value: 17);

        Assert.Equal(9, decision.DesiredReplicas);
        Assert.True(decision.Rescale);
        Assert.StartsWith($"external metric {Metric}(", decision.RescaleReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AverageValueTarget_WithinTolerance_KeepsReplicas()
    {
        var decision = await DecideAsync(NewScaledObject(), External("AverageValue", "2"), current: 4, value: 8.5);

        Assert.Equal(4, decision.DesiredReplicas);
        Assert.False(decision.Rescale);
    }

    [Fact]
    public async Task ValueTarget_ScalesTheReadyPodsByTheUsageRatio()
    {
        _pods.Ready("web-0", "web-1");

        var decision = await DecideAsync(NewScaledObject(), External("Value", "5"), current: 2, value: 7.5);

        Assert.Equal(3, decision.DesiredReplicas);
    }

    [Fact]
    public async Task WithoutBehavior_OnePollAtMostDoublesOrAddsFour_ThenMaxReplicaCountCaps()
    {
        var so = NewScaledObject(max: 10);
        var autoscaler = new DirectAutoscaler(_time);

        Assert.Equal(4, (await DecideAsync(so, External("AverageValue", "1"), current: 1, value: 1000, autoscaler)).DesiredReplicas);
        Assert.Equal(8, (await DecideAsync(so, External("AverageValue", "1"), current: 4, value: 1000, autoscaler)).DesiredReplicas);
        Assert.Equal(10, (await DecideAsync(so, External("AverageValue", "1"), current: 8, value: 1000, autoscaler)).DesiredReplicas);
    }

    [Fact]
    public async Task WithoutBehavior_ScaleDownWaitsForTheDefaultFiveMinuteWindow()
    {
        var so = NewScaledObject();
        var autoscaler = new DirectAutoscaler(_time);
        Assert.Equal(6, (await DecideAsync(so, External("AverageValue", "1"), current: 6, value: 6, autoscaler)).DesiredReplicas);

        _time.Advance(TimeSpan.FromMinutes(4));
        var held = await DecideAsync(so, External("AverageValue", "1"), current: 6, value: 2, autoscaler);
        _time.Advance(TimeSpan.FromMinutes(2));
        var released = await DecideAsync(so, External("AverageValue", "1"), current: 6, value: 2, autoscaler);

        Assert.Equal(6, held.DesiredReplicas);
        Assert.Equal(2, released.DesiredReplicas);
    }

    [Fact]
    public async Task BehaviorFromHorizontalPodAutoscalerConfig_LimitsScaleUpToItsPolicy()
    {
        var so = NewScaledObject(behavior: new V2HorizontalPodAutoscalerBehavior
        {
            ScaleUp = new V2HPAScalingRules { Policies = [new V2HPAScalingPolicy { Type = "Pods", Value = 1, PeriodSeconds = 60 }] },
        });
        var autoscaler = new DirectAutoscaler(_time);

        var first = await DecideAsync(so, External("AverageValue", "1"), current: 2, value: 50, autoscaler);
        _time.Advance(TimeSpan.FromSeconds(30));
        var withinPeriod = await DecideAsync(so, External("AverageValue", "1"), current: 3, value: 50, autoscaler);

        Assert.Equal(3, first.DesiredReplicas);
        Assert.Equal(3, withinPeriod.DesiredReplicas);
        Assert.False(withinPeriod.Rescale);
    }

    [Fact]
    public async Task BehaviorWithZeroScaleDownWindow_ScalesDownToTheHpaMinimumOfOne_LeavingZeroToKeda()
    {
        var so = NewScaledObject(min: 0, behavior: new V2HorizontalPodAutoscalerBehavior
        {
            ScaleDown = new V2HPAScalingRules { StabilizationWindowSeconds = 0 },
        });

        var decision = await DecideAsync(so, External("AverageValue", "1"), current: 3, value: 0);

        Assert.Equal(1, decision.DesiredReplicas);
    }

    [Fact]
    public async Task MissingTriggerValue_IsAnErrorAndDoesNotScale()
    {
        var hpa = Hpa(NewScaledObject(), External("AverageValue", "1"));
        var source = new PolledMetricsSource(new Dictionary<string, IReadOnlyList<MetricValue>>(), _pods);

        var decision = await new DirectAutoscaler(_time).DecideAsync(hpa, new ScaleSnapshot(3, 3, "app=web"), source, TestContext.Current.CancellationToken);

        Assert.False(decision.Rescale);
        Assert.Contains($"no matching metrics found for {Metric}", decision.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TriggerValues_AreMatchedByMetricNameCaseInsensitively_AndRoundedAsTheAdapterRoundsThem()
    {
        var source = new PolledMetricsSource(
            new Dictionary<string, IReadOnlyList<MetricValue>> { ["S0-Prometheus"] = [new MetricValue("S0-Prometheus", 1.00049)] }, _pods);

        var values = await source.GetExternalMetricAsync("shop", Metric, null, TestContext.Current.CancellationToken);

        Assert.Equal([1000L], values.Value!);
    }

    [Theory]
    [InlineData(0, null, false)]
    [InlineData(2, 1, false)]
    [InlineData(2, null, true)]
    public void Applies_OnlyWhenKedaWroteNothing_AndTheTargetHasReplicas(int current, int? kedaTarget, bool expected) =>
        Assert.Equal(expected, DirectAutoscaler.Applies(current, kedaTarget));

    private async Task<HpaDecision> DecideAsync(ScaledObject so, V2MetricSpec spec, int current, double value, DirectAutoscaler? autoscaler = null)
    {
        autoscaler ??= new DirectAutoscaler(_time);
        var hpa = Hpa(so, spec);
        var source = new PolledMetricsSource(new Dictionary<string, IReadOnlyList<MetricValue>> { [Metric] = [new MetricValue(Metric, value)] }, _pods);
        var decision = await autoscaler.DecideAsync(hpa, new ScaleSnapshot(current, current, "app=web"), source, TestContext.Current.CancellationToken);
        if (decision.Rescale)
        {
            autoscaler.Complete(hpa, decision, null);
        }

        return decision;
    }

    private static V2HorizontalPodAutoscaler Hpa(ScaledObject so, V2MetricSpec spec) =>
        HpaBuilder.Build(so, [[spec]], Deployment, "test").Hpa ?? throw new InvalidOperationException("no HPA generated");

    private static ScaledObject NewScaledObject(int? min = null, int max = 100, V2HorizontalPodAutoscalerBehavior? behavior = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web-so", NamespaceProperty = "shop", Uid = "uid-1" },
        Spec =
        {
            ScaleTargetRef = new ScaleTarget { Name = "web" },
            MinReplicaCount = min,
            MaxReplicaCount = max,
            Advanced = behavior is null ? null : new AdvancedConfig { HorizontalPodAutoscalerConfig = new HorizontalPodAutoscalerConfig { Behavior = behavior } },
            Triggers = [new ScaleTrigger { Type = "prometheus" }],
        },
    };

    private static V2MetricSpec External(string type, string target) => new()
    {
        Type = "External",
        External = new V2ExternalMetricSource
        {
            Metric = new V2MetricIdentifier { Name = Metric },
            Target = type == "Value"
                ? new V2MetricTarget { Type = type, Value = new ResourceQuantity(target) }
                : new V2MetricTarget { Type = type, AverageValue = new ResourceQuantity(target) },
        },
    };
}
