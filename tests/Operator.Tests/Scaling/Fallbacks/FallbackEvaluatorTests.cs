using k8s.Models;
using Operator.Api;
using Operator.Scalers;
using Operator.Scaling;
using Operator.Scaling.Fallbacks;
using Operator.Scaling.Status;

namespace Operator.Tests.Scaling.Fallbacks;

// Reproduces kedacore/keda pkg/fallback/fallback_test.go and the behaviours of §3.5.
public class FallbackEvaluatorTests
{
    private const string Metric = "some_metric_name";

    private static ScaledObject Build(Fallback? fallback, Dictionary<string, HealthStatus>? health = null) => new()
    {
        Metadata = { Name = "clean-up-test", NamespaceProperty = "default" },
        Spec =
        {
            ScaleTargetRef = new ScaleTarget { Name = "myapp" },
            Triggers = [new ScaleTrigger { Type = "cron" }],
            Fallback = fallback,
        },
        Status = new ScaledObjectStatus { Health = health, Conditions = ScaledObjectConditions.CreateInitial() },
    };

    private static V2MetricSpec Spec(string type, int target) => new()
    {
        Type = "External",
        External = new V2ExternalMetricSource
        {
            Metric = new V2MetricIdentifier { Name = Metric },
            Target = type == "Value"
                ? new V2MetricTarget { Type = "Value", Value = new ResourceQuantity(target.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
                : new V2MetricTarget { Type = "AverageValue", AverageValue = new ResourceQuantity(target.ToString(System.Globalization.CultureInfo.InvariantCulture)) },
        },
    };

    private static Dictionary<string, HealthStatus> Health(int failures, string status) =>
        new() { [Metric] = new HealthStatus { NumberOfFailures = failures, Status = status } };

    private static readonly MetricValue[] Five = [new(Metric, 5)];

    [Fact]
    public void Disabled_Success_ReturnsScalerMetric_WithoutHealth()
    {
        var so = Build(null);

        var result = FallbackEvaluator.Apply(so, Metric, Five, null, Spec("AverageValue", 3));

        Assert.Equal(5, Assert.Single(result.Metrics).Value);
        Assert.Null(result.Health);
        Assert.Null(so.Status!.Health);
    }

    [Fact]
    public void Success_ResetsHealthToHappy()
    {
        var so = Build(new Fallback { FailureThreshold = 3, Replicas = 10 }, Health(5, HealthStatuses.Failing));

        var result = FallbackEvaluator.Apply(so, Metric, [new MetricValue(Metric, 6)], null, Spec("AverageValue", 3));

        Assert.Equal(6, Assert.Single(result.Metrics).Value);
        Assert.Equal((0, "Happy"), (result.Health!.NumberOfFailures, result.Health.Status));
    }

    [Fact]
    public void Disabled_Error_Propagates()
    {
        var result = FallbackEvaluator.Apply(Build(null), Metric, [], "Some error", Spec("AverageValue", 3));

        Assert.Equal("Some error", result.Error);
    }

    [Fact]
    public void Error_BelowThreshold_CountsFailure_AndPropagates()
    {
        var so = Build(new Fallback { FailureThreshold = 3, Replicas = 10 }, Health(0, HealthStatuses.Happy));

        var result = FallbackEvaluator.Apply(so, Metric, [], "Some error", Spec("AverageValue", 10));

        Assert.Equal("Some error", result.Error);
        Assert.Equal((1, "Failing"), (result.Health!.NumberOfFailures, result.Health.Status));
    }

    [Fact]
    public void Error_BeyondThreshold_ReturnsNormalisedMetric()
    {
        var so = Build(new Fallback { FailureThreshold = 3, Replicas = 10 }, Health(3, HealthStatuses.Happy));

        var result = FallbackEvaluator.Apply(so, Metric, [], "Some error", Spec("AverageValue", 10));

        Assert.True(result.IsSuccess);
        Assert.True(result.FallbackActive);
        Assert.Equal(100, Assert.Single(result.Metrics).Value);
        Assert.Equal("100", KubernetesQuantity.FromMetricValue(result.Metrics[0].Value));
        Assert.Equal((4, "Failing"), (result.Health!.NumberOfFailures, result.Health.Status));
    }

    [Fact]
    public void FirstFailureWithThresholdZero_AlreadyFallsBack()
    {
        var so = Build(new Fallback { FailureThreshold = 0, Replicas = 2 });

        Assert.True(FallbackEvaluator.Apply(so, Metric, [], "boom", Spec("AverageValue", 10)).FallbackActive);
    }

    [Fact]
    public void InvalidFallback_PropagatesError_AndLeavesConditionNotTrue()
    {
        var so = Build(new Fallback { FailureThreshold = -3, Replicas = 10 }, new()
        {
            ["another metric name"] = new HealthStatus { NumberOfFailures = 6, Status = HealthStatuses.Failing },
            [Metric] = new HealthStatus { NumberOfFailures = 3, Status = HealthStatuses.Happy },
        });

        var result = FallbackEvaluator.Apply(so, Metric, [], "Some error", Spec("AverageValue", 10));

        Assert.Equal("Some error", result.Error);
        Assert.Null(result.Health);
        Assert.False(ScaledObjectConditions.IsTrue(ScaledObjectConditions.Find(so.Status!.Conditions, ConditionTypes.Fallback)));
    }

    [Fact]
    public void AnotherMetricFailingBeyondThreshold_SetsFallbackConditionTrue()
    {
        var so = Build(new Fallback { FailureThreshold = 3, Replicas = 10 }, new()
        {
            ["another metric name"] = new HealthStatus { NumberOfFailures = 6, Status = HealthStatuses.Failing },
            [Metric] = new HealthStatus { NumberOfFailures = 3, Status = HealthStatuses.Happy },
        });

        var result = FallbackEvaluator.Apply(so, Metric, [], "Some error", Spec("AverageValue", 10));

        var condition = FallbackEvaluator.FallbackCondition(so, FallbackEvaluator.Merge(so.Status!.Health, [new(Metric, result.Health!)]));
        Assert.Equal((ConditionStatuses.True, "FallbackExists", "At least one trigger is falling back on this scaled object"),
            (condition.Status, condition.Reason, condition.Message));
    }

    [Fact]
    public void Recovery_SetsFallbackConditionFalse()
    {
        var so = Build(new Fallback { FailureThreshold = 1, Replicas = 10 }, Health(4, HealthStatuses.Failing));

        var result = FallbackEvaluator.Apply(so, Metric, Five, null, Spec("AverageValue", 10));

        var condition = FallbackEvaluator.FallbackCondition(so, FallbackEvaluator.Merge(so.Status!.Health, [new(Metric, result.Health!)]));
        Assert.Equal((ConditionStatuses.False, "NoFallbackFound"), (condition.Status, condition.Reason));
    }

    [Fact]
    public void Apply_LeavesTheScaledObjectUntouched()
    {
        var so = Build(new Fallback { FailureThreshold = 0, Replicas = 10 }, Health(0, HealthStatuses.Happy));
        var before = KedaJson.Serialize(so);

        FallbackEvaluator.Apply(so, Metric, [], "boom", Spec("AverageValue", 10));

        Assert.Equal(before, KedaJson.Serialize(so));
    }

    [Theory]
    [InlineData("static", 3, 10)]
    [InlineData("currentReplicas", 3, 3)]
    [InlineData("currentReplicasIfHigher", 3, 10)]
    [InlineData("currentReplicasIfHigher", 12, 12)]
    [InlineData("currentReplicasIfLower", 3, 3)]
    [InlineData("currentReplicasIfLower", 12, 10)]
    [InlineData("", 3, 10)]
    public void Behaviors_PickReplicas(string behavior, int current, int expectedReplicas)
    {
        var so = Build(new Fallback { FailureThreshold = 0, Replicas = 10, Behavior = behavior });

        var result = FallbackEvaluator.Apply(so, Metric, [], "boom", Spec("AverageValue", 10), currentReplicas: current);

        Assert.Equal(expectedReplicas * 10, Assert.Single(result.Metrics).Value);
    }

    [Fact]
    public void NonStaticBehavior_CurrentReplicasUnreadable_PropagatesScalerError()
    {
        var so = Build(new Fallback { FailureThreshold = 0, Replicas = 10, Behavior = "currentReplicas" });

        Assert.True(FallbackEvaluator.NeedsCurrentReplicas(so));
        Assert.Equal("boom", FallbackEvaluator.Apply(so, Metric, [], "boom", Spec("AverageValue", 10)).Error);
    }

    [Fact]
    public void StaticBehavior_DoesNotNeedCurrentReplicas() =>
        Assert.False(FallbackEvaluator.NeedsCurrentReplicas(Build(new Fallback { Replicas = 1, Behavior = "static" })));

    [Fact]
    public void ValueTarget_DividesReplicasByReadyPods()
    {
        var so = Build(new Fallback { FailureThreshold = 0, Replicas = 10, Behavior = "static" });

        var result = FallbackEvaluator.Apply(so, Metric, [], "boom", Spec("Value", 10), readyReplicas: 4);

        // HPA Value math: ceil(ready * value / target) = ceil(4 * 25 / 10) = 10 replicas.
        Assert.Equal(25, Assert.Single(result.Metrics).Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(null)]
    public void ValueTarget_NoReadyPods_FailsWithErrorPerformingFallback(int? ready)
    {
        var so = Build(new Fallback { FailureThreshold = 0, Replicas = 10, Behavior = "static" });

        Assert.Equal("error performing fallback", FallbackEvaluator.Apply(so, Metric, [], "boom", Spec("Value", 10), readyReplicas: ready).Error);
    }

    private static ScaledObject WithModifiers(string target, string? metricType = null, string? behavior = null)
    {
        var so = Build(new Fallback { FailureThreshold = 0, Replicas = 4, Behavior = behavior });
        so.Spec.Advanced = new AdvancedConfig { ScalingModifiers = new ScalingModifiers { Formula = "a", Target = target, MetricType = metricType } };
        return so;
    }

    [Fact]
    public void Modifiers_FallbackIsCompositeMetric_NormalisedByModifiersTarget()
    {
        var result = FallbackEvaluator.Apply(WithModifiers("3"), Metric, [], "boom", Spec("AverageValue", 10));

        var value = Assert.Single(result.Metrics);
        Assert.Equal(("composite-metric", 12.0), (value.MetricName, value.Value));
    }

    [Fact]
    public void Modifiers_ScalingModifiersBehavior_ReturnsMinusOnePlaceholder()
    {
        var result = FallbackEvaluator.Apply(WithModifiers("3", behavior: "scalingModifiers"), Metric, [], "boom", Spec("AverageValue", 10));

        Assert.True(result.IsSuccess);
        Assert.False(result.FallbackActive);
        Assert.Equal((Metric, -1.0), (result.Metrics[0].MetricName, result.Metrics[0].Value));
    }

    [Theory]
    [InlineData("2", true)]
    [InlineData("2.5", false)]
    [InlineData("0", false)]
    [InlineData("abc", false)]
    public void HasValidFallback_WithModifiers_RequiresPositiveIntegerTarget(string target, bool expected) =>
        Assert.Equal(expected, FallbackEvaluator.HasValidFallback(WithModifiers(target)));

    [Theory]
    [InlineData(3, 1, true)]
    [InlineData(0, 0, true)]
    [InlineData(-1, 1, false)]
    [InlineData(1, -1, false)]
    public void HasValidFallback_RequiresNonNegativeValues(int threshold, int replicas, bool expected) =>
        Assert.Equal(expected, FallbackEvaluator.HasValidFallback(Build(new Fallback { FailureThreshold = threshold, Replicas = replicas })));

    [Fact]
    public void FallbackReplicas_Truncate_LikeInt64Conversion()
    {
        var so = Build(new Fallback { FailureThreshold = 0, Replicas = 1, Behavior = "static" });

        var result = FallbackEvaluator.Apply(so, Metric, [], "boom", Spec("Value", 1), readyReplicas: 3);

        Assert.Equal("333m", KubernetesQuantity.FromMetricValue(result.Metrics[0].Value));
    }

    [Theory]
    [InlineData(false, true, "Normal ScaledObjectFallbackActivated ScaledObject fallback is active")]
    [InlineData(true, false, "Normal ScaledObjectFallbackDeactivated ScaledObject fallback is no longer active")]
    public void Transitions_EmitKedaEvents(bool was, bool now, string expected) =>
        Assert.Equal(expected, FallbackEvents.ForTransition(was, now)!.ToString());

    [Fact]
    public void NoTransition_NoEvent() => Assert.Null(FallbackEvents.ForTransition(true, true));
}
