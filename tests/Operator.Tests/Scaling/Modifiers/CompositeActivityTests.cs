using Operator.Api;
using Operator.Scalers;
using Operator.Scaling;
using Operator.Scaling.Modifiers;

namespace Operator.Tests.Scaling;

public class CompositeActivityTests
{
    private static ScaledObject WithFormula(string activationTarget) => new()
    {
        Spec =
        {
            Triggers = [new ScaleTrigger { Type = "prometheus", Name = "a" }],
            Advanced = new AdvancedConfig
            {
                ScalingModifiers = new ScalingModifiers { Formula = "a * 2", Target = "10", ActivationTarget = activationTarget },
            },
        },
    };

    private static TriggerState Prometheus(double value) =>
        new("prometheus", "s0-prometheus", false, false, [new MetricValue("s0-prometheus", value)]);

    [Theory]
    [InlineData(3, "5", true)]
    [InlineData(2, "5", false)]
    public void FormulaValueAboveActivationTarget_MakesTheScaledObjectActive(double value, string activation, bool expected)
    {
        var so = WithFormula(activation);
        var formula = FormulaCompiler.Compile("a * 2", ["a"], out var error);
        Assert.Null(error);
        var composite = CompositeActivity.For(so, formula, new Dictionary<string, string> { ["s0-prometheus"] = "a" });

        var activity = ActivityAggregator.Aggregate(so, [Prometheus(value)], composite);

        Assert.Equal(expected, activity.IsActive);
    }

    [Fact]
    public void MissingFormula_GivesNoValue_SoInactive()
    {
        var so = WithFormula("0");
        var composite = CompositeActivity.For(so, null, new Dictionary<string, string> { ["s0-prometheus"] = "a" });

        Assert.Null(composite([Prometheus(100)]).Value);
        Assert.False(ActivityAggregator.Aggregate(so, [Prometheus(100)], composite).IsActive);
    }

    [Fact]
    public void FormulaError_SurfacesAsAnError_NotAsInactive()
    {
        var so = WithFormula("0");
        var composite = CompositeActivity.For(so, null, new Dictionary<string, string> { ["s0-prometheus"] = "a" });

        var activity = ActivityAggregator.Aggregate(so, [Prometheus(100)], composite);

        Assert.True(activity.IsError);
        Assert.Equal("cached compiled formula is nil during its calculation", activity.Error);
    }

    [Fact]
    public void FormulaRunTimeError_SurfacesWithTheFormulasMessage()
    {
        var so = WithFormula("0");
        var formula = FormulaCompiler.Compile("a ?? b", ["a", "b"], out _);
        var composite = CompositeActivity.For(so, formula, new Dictionary<string, string>());

        var activity = ActivityAggregator.Aggregate(so, [Prometheus(100)], composite);

        Assert.True(activity.IsError);
        Assert.StartsWith("error trying to run custom formula", activity.Error, StringComparison.Ordinal);
    }
}
