using Operator.Api;
using Operator.Scalers;
using Operator.Scaling;
using Operator.Scaling.Fallbacks;

namespace Operator.Tests.Scaling;

public class ActivityAggregatorTests
{
    private static ScaledObject WithTriggers(params string[] types) => new()
    {
        Spec = { Triggers = [.. types.Select(t => new ScaleTrigger { Type = t })] },
    };

    private static TriggerState State(string type, string metric, bool active, bool error = false, double value = 0) =>
        new(type, metric, active, error, error ? [] : [new MetricValue(metric, value)]);

    [Fact]
    public void AnyActiveTrigger_MakesActive_AndListsItsMetricName()
    {
        var activity = ActivityAggregator.Aggregate(WithTriggers("prometheus", "kafka"),
            [State("prometheus", "s0-prometheus", false), State("kafka", "s1-kafka-orders", true)]);

        Assert.True(activity.IsActive);
        Assert.False(activity.IsError);
        Assert.Equal(["s1-kafka-orders"], activity.ActiveTriggers);
    }

    [Fact]
    public void NoActiveTrigger_IsInactive()
    {
        var activity = ActivityAggregator.Aggregate(WithTriggers("prometheus"), [State("prometheus", "s0-prometheus", false)]);

        Assert.False(activity.IsActive);
        Assert.Empty(activity.ActiveTriggers);
    }

    [Fact]
    public void OneFailedTrigger_IsError_ButOthersCanStillBeActive()
    {
        var activity = ActivityAggregator.Aggregate(WithTriggers("prometheus", "kafka"),
            [State("prometheus", "s0-prometheus", false, error: true), State("kafka", "s1-kafka-orders", true)]);

        Assert.True(activity.IsActive);
        Assert.True(activity.IsError);
    }

    [Fact]
    public void CpuMemoryOnly_WithoutError_IsAlwaysActive()
    {
        var activity = ActivityAggregator.Aggregate(WithTriggers("cpu", "memory"), [State("cpu", "", false), State("memory", "", false)]);

        Assert.True(activity.IsActive);
    }

    [Fact]
    public void CpuWithExternalTrigger_FollowsTheExternalTrigger()
    {
        var activity = ActivityAggregator.Aggregate(WithTriggers("cpu", "prometheus"),
            [State("cpu", "", false), State("prometheus", "s1-prometheus", false)]);

        Assert.False(activity.IsActive);
    }

    private static ScaledObject WithModifiers(string? activationTarget) => new()
    {
        Spec =
        {
            Triggers = [new ScaleTrigger { Type = "prometheus", Name = "a" }],
            Advanced = new AdvancedConfig { ScalingModifiers = new ScalingModifiers { Formula = "a * 2", Target = "10", ActivationTarget = activationTarget } },
        },
    };

    [Theory]
    [InlineData(null, 0.5, true)]
    [InlineData(null, 0.0, false)]
    [InlineData("5", 5.0, false)]
    [InlineData("5", 5.5, true)]
    public void Modifiers_RecomputeActivity_AsCompositeAboveActivationTarget(string? activationTarget, double composite, bool expected)
    {
        var activity = ActivityAggregator.Aggregate(WithModifiers(activationTarget),
            [State("prometheus", "s0-prometheus", active: !expected, value: 1)], _ => composite);

        Assert.Equal(expected, activity.IsActive);
    }

    [Fact]
    public void Modifiers_WithError_AreInactive_AndTheFormulaIsNotEvaluated()
    {
        var evaluated = false;

        var activity = ActivityAggregator.Aggregate(WithModifiers(null),
            [State("prometheus", "s0-prometheus", active: true, error: true)], _ => { evaluated = true; return 100; });

        Assert.False(activity.IsActive);
        Assert.True(activity.IsError);
        Assert.False(evaluated);
    }

    [Fact]
    public void Modifiers_NoCompositeValue_IsInactive() =>
        Assert.False(ActivityAggregator.Aggregate(WithModifiers(null), [State("prometheus", "s0-prometheus", true)], _ => (double?)null).IsActive);

    [Fact]
    public void Modifiers_BadActivationTarget_IsAnErrorNamingTheField()
    {
        var activity = ActivityAggregator.Aggregate(WithModifiers("abc"), [State("prometheus", "s0-prometheus", true)], _ => 1);

        Assert.False(activity.IsActive);
        Assert.True(activity.IsError);
        Assert.StartsWith("scalingModifiers.ActivationTarget parsing error", activity.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPoll_FallbackValue_MakesTheTriggerActive()
    {
        var state = TriggerState.FromPoll("prometheus", "s0-prometheus", ScalerResult.Failure("down"),
            new FallbackResult([new MetricValue("s0-prometheus", 100)], FallbackActive: true, Error: null));

        Assert.Equal((true, false), (state.IsActive, state.IsError));
        Assert.Equal(100, state.Metrics[0].Value);
    }

    [Fact]
    public void FromPoll_UnabsorbedError_IsAFailedInactiveTrigger()
    {
        var state = TriggerState.FromPoll("prometheus", "s0-prometheus", ScalerResult.Failure("down"), FallbackResult.Failed("down"));

        Assert.Equal((false, true), (state.IsActive, state.IsError));
    }

    [Fact]
    public void FromPoll_Success_KeepsScalerActivity()
    {
        var metrics = new[] { new MetricValue("s0-prometheus", 3) };

        var state = TriggerState.FromPoll("prometheus", "s0-prometheus", ScalerResult.Success(metrics, isActive: true), FallbackResult.Passthrough(metrics));

        Assert.Equal((true, false), (state.IsActive, state.IsError));
    }
}
