using Operator.Api;
using Operator.Scaling.Modifiers;

namespace Operator.Tests.Scaling.Modifiers;

public sealed class ScalingModifiersValidatorTests
{
    [Theory]
    [InlineData("workload_trig + cron_trig")]
    [InlineData("float(workload_trig + 1)")]
    [InlineData("workload_trig < 5 ? cron_trig + workload_trig : 5")]
    [InlineData("float(workload_trig < 5 ? cron_trig + workload_trig : 5)")]
    [InlineData("count([workload_trig,cron_trig],{#>1}) > 1 ? 5 : 0")]
    [InlineData("float(workload_trig < 2 ? workload_trig+cron_trig >= 2 ? 5 : 10 : 0)")]
    [InlineData("float(float(cron_trig < 5 ? workload_trig + cron_trig : 5))")]
    [InlineData("workload_trig ?? cron_trig ?? 5")]
    public void ValidateAndCompile_KedaWebhookFormulas_AreAccepted(string formula)
    {
        var compiled = ScalingModifiersValidator.ValidateAndCompile(
            ScaledObjectWith(formula, "2", ("cron", "cron_trig"), ("kubernetes-workload", "workload_trig")), out var error);

        Assert.Null(error);
        Assert.NotNull(compiled);
    }

    [Fact]
    public void ValidateAndCompile_FormulaWithoutTarget_IsRejected()
    {
        var so = ScaledObjectWith("workload_trig + cron_trig", null, ("cron", "cron_trig"), ("kubernetes-workload", "workload_trig"));

        Assert.Null(ScalingModifiersValidator.ValidateAndCompile(so, out var error));
        Assert.Equal("error validating formula in ScalingModifiers\nformula is given but target is empty", error);
    }

    [Fact]
    public void ValidateAndCompile_EmptyFormula_IsMandatory()
    {
        var so = ScaledObjectWith("", "2", ("cron", "cron_trig"));

        Assert.Null(ScalingModifiersValidator.ValidateAndCompile(so, out var error));
        Assert.Equal("error ScalingModifiers.Formula is mandatory", error);
    }

    [Fact]
    public void ValidateAndCompile_UnnamedTriggers_CannotBeReferenced()
    {
        var so = ScaledObjectWith("workload_trig + cron_trig", "2", ("cron", null), ("kubernetes-workload", null));

        Assert.Null(ScalingModifiersValidator.ValidateAndCompile(so, out var error));
        Assert.Contains("unknown name workload_trig", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateAndCompile_OnlyFormulaTriggersNeedNames()
    {
        var so = ScaledObjectWith("workload_trig + 1", "2", ("cron", null), ("kubernetes-workload", "workload_trig"));

        var compiled = ScalingModifiersValidator.ValidateAndCompile(so, out var error);

        Assert.Null(error);
    }

    [Fact]
    public void ValidateAndCompile_CpuTriggerName_IsNotAVariable()
    {
        var so = ScaledObjectWith("cpu_trig + 1", "2", ("cpu", "cpu_trig"), ("cron", "cron_trig"));

        Assert.Null(ScalingModifiersValidator.ValidateAndCompile(so, out var error));
        Assert.Contains("unknown name cpu_trig", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "%!w(<nil>)")]
    [InlineData("-1", "%!w(<nil>)")]
    [InlineData("abc", "strconv.ParseFloat: parsing \"abc\": invalid syntax")]
    public void ValidateAndCompile_InvalidTarget_IsRejected(string target, string cause)
    {
        var so = ScaledObjectWith("cron_trig", target, ("cron", "cron_trig"));

        Assert.Null(ScalingModifiersValidator.ValidateAndCompile(so, out var error));
        Assert.Equal(
            $"error validating target in ScalingModifiers\nerror converting target for scalingModifiers (string->float) to valid target: {cause}",
            error);
    }

    [Fact]
    public void ValidateAndCompile_UtilizationMetricType_IsRejected()
    {
        var so = ScaledObjectWith("cron_trig", "2", ("cron", "cron_trig"));
        so.Spec.Advanced!.ScalingModifiers!.MetricType = "Utilization";

        Assert.Null(ScalingModifiersValidator.ValidateAndCompile(so, out var error));
        Assert.Contains("error trigger type is Utilization", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateAndCompile_ValidFormula_EvaluatesRealValues()
    {
        var so = ScaledObjectWith("queue / 2 + lag", "10", ("prometheus", "queue"), ("kafka", "lag"));

        var compiled = ScalingModifiersValidator.ValidateAndCompile(so, out _)!;

        Assert.Equal(8.0, compiled.Evaluate(new Dictionary<string, double?> { ["queue"] = 10, ["lag"] = 3 }));
    }

    private static ScaledObject ScaledObjectWith(string formula, string? target, params (string Type, string? Name)[] triggers) => new()
    {
        Metadata = { Name = "so" },
        Spec =
        {
            ScaleTargetRef = { Name = "app" },
            Advanced = new AdvancedConfig { ScalingModifiers = new ScalingModifiers { Formula = formula, Target = target } },
            Triggers = [.. triggers.Select(t => new ScaleTrigger { Type = t.Type, Name = t.Name })],
        },
    };
}
