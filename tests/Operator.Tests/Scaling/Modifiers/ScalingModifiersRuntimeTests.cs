using Operator.Api;
using Operator.Scalers;
using Operator.Scaling.Modifiers;

namespace Operator.Tests.Scaling.Modifiers;

public sealed class ScalingModifiersRuntimeTests
{
    private const string MetricName = "trigger-a";

    [Theory]
    [InlineData(false, null, 7.0)]
    [InlineData(true, null, 7.0)]
    [InlineData(true, 2, 7.0)]
    [InlineData(true, 3, 7.0)]
    [InlineData(true, 4, null)]
    [InlineData(true, 5, null)]
    [InlineData(true, 0, 7.0)]
    public void TriggerValue_FailingBeyondThreshold_IsNil(bool fallbackConfigured, int? failures, double? expected)
    {
        var so = new ScaledObject
        {
            Spec = { Fallback = fallbackConfigured ? new Fallback { FailureThreshold = 3, Replicas = 5, Behavior = "scalingModifiers" } : null },
            Status = new ScaledObjectStatus { Health = [] },
        };
        if (failures is { } n)
        {
            so.Status.Health[MetricName] = new HealthStatus { NumberOfFailures = n, Status = n == 0 ? "Happy" : "Failing" };
        }

        Assert.Equal(expected, ScalingModifiersRuntime.TriggerValue(so, so.Status.Health, new MetricValue(MetricName, 7.0)));
    }

    [Fact]
    public void GetPairTriggerAndMetric_NoFormula_ReturnsEmpty() =>
        Assert.Empty(ScalingModifiersRuntime.GetPairTriggerAndMetric(new ScaledObject(), "metric1", "trigger1", out _));

    [Fact]
    public void GetPairTriggerAndMetric_WithFormula_PairsMetricWithTrigger()
    {
        var pair = ScalingModifiersRuntime.GetPairTriggerAndMetric(WithFormula("trigger1 + trigger2"), "s0-metric1", "trigger1", out var error);

        Assert.Null(error);
        Assert.Equal("trigger1", pair["s0-metric1"]);
    }

    [Fact]
    public void GetPairTriggerAndMetric_UnnamedTrigger_IsAnError()
    {
        var pair = ScalingModifiersRuntime.GetPairTriggerAndMetric(WithFormula("trigger1 + trigger2"), "s0-metric1", "", out var error);

        Assert.Empty(pair);
        Assert.Equal("trigger name not given with compositeScaler for metric s0-metric1", error);
    }

    [Fact]
    public void CalculateComposite_SumsNamedTriggers()
    {
        var formula = FormulaCompiler.Compile("trigger1 + trigger2", ["trigger1", "trigger2"], out _);

        var result = ScalingModifiersRuntime.CalculateComposite(
            new ScaledObject(),
            null,
            [new MetricValue("s0-metric1", 2), new MetricValue("s1-metric2", 5)],
            new Dictionary<string, string> { ["s0-metric1"] = "trigger1", ["s1-metric2"] = "trigger2" },
            formula,
            out var error);

        Assert.Null(error);
        Assert.Equal(new MetricValue("composite-metric", 7), result);
    }

    [Fact]
    public void CalculateComposite_AllTriggersNil_UsesFallbackReplicasTimesTarget()
    {
        var formula = FormulaCompiler.Compile("trigger1 ?? trigger2", ["trigger1", "trigger2"], out _);
        var so = WithFormula("trigger1 ?? trigger2", target: "2");
        so.Spec.Fallback = new Fallback { FailureThreshold = 3, Replicas = 7, Behavior = "scalingModifiers" };
        so.Status = new ScaledObjectStatus
        {
            Health = new()
            {
                ["s0-trigger1"] = new HealthStatus { NumberOfFailures = 5, Status = "Failing" },
                ["s1-trigger2"] = new HealthStatus { NumberOfFailures = 5, Status = "Failing" },
            },
        };

        var result = ScalingModifiersRuntime.CalculateComposite(
            so,
            so.Status.Health,
            [new MetricValue("s0-trigger1", -1), new MetricValue("s1-trigger2", -1)],
            new Dictionary<string, string> { ["s0-trigger1"] = "trigger1", ["s1-trigger2"] = "trigger2" },
            formula,
            out _);

        Assert.Equal(14, result!.Value.Value);
    }

    [Fact]
    public void CalculateComposite_WithoutCompiledFormula_IsAnError()
    {
        Assert.Null(ScalingModifiersRuntime.CalculateComposite(new ScaledObject(), null, [], new Dictionary<string, string>(), null, out var error));
        Assert.Equal("cached compiled formula is nil during its calculation", error);
    }

    [Fact]
    public void Handle_FallbackActive_CollapsesToOneCompositeMetric()
    {
        var so = WithFormula("max(trigger_1, trigger_2)", target: "1");
        so.Spec.Fallback = new Fallback { FailureThreshold = 4, Replicas = 12 };

        var result = ScalingModifiersRuntime.Handle(
            so,
            null,
            [],
            new Dictionary<string, string> { ["s0-trigger_1"] = "trigger_1", ["s1-trigger_2"] = "trigger_2" },
            fallbackActive: true,
            [new MetricValue("s0-trigger_1", 12), new MetricValue("s1-trigger_2", 12)],
            formula: null,
            out _);

        Assert.Equal([new MetricValue("composite-metric", 12)], result);
    }

    [Fact]
    public void Handle_NoModifiers_PassesMetricsThrough()
    {
        IReadOnlyList<MetricValue> metrics = [new MetricValue("s0-prometheus", 3)];

        Assert.Same(metrics, ScalingModifiersRuntime.Handle(new ScaledObject(), null, metrics, new Dictionary<string, string>(), false, [], null, out _));
    }

    private static ScaledObject WithFormula(string formula, string? target = null) => new()
    {
        Spec = { Advanced = new AdvancedConfig { ScalingModifiers = new ScalingModifiers { Formula = formula, Target = target } } },
    };
}
