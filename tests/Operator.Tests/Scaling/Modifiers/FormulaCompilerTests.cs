using Operator.Scaling.Modifiers;

namespace Operator.Tests.Scaling.Modifiers;

public sealed class FormulaCompilerTests
{
    [Theory]
    [InlineData("trigger1 + trigger2", 2.0, 5.0, 7.0)]
    [InlineData("trigger1 * trigger2 - 1", 2.0, 5.0, 9.0)]
    [InlineData("trigger1 / trigger2", 1.0, 4.0, 0.25)]
    [InlineData("7 / 2", 0.0, 0.0, 3.5)]
    [InlineData("2 ** 3 + trigger1", 1.0, 0.0, 9.0)]
    [InlineData("-2 ** 2", 0.0, 0.0, -4.0)]
    [InlineData("trigger1 < 5 ? trigger1 + trigger2 : 5", 1.0, 2.0, 3.0)]
    [InlineData("trigger1 < 5 ? trigger1 + trigger2 : 5", 6.0, 2.0, 5.0)]
    [InlineData("float(trigger1 < 2 ? trigger1+trigger2 >= 2 ? 5 : 10 : 0)", 1.0, 1.0, 5.0)]
    [InlineData("float(trigger1 < 2 ? trigger1+trigger2 >= 2 ? 5 : 10 : 0)", 1.0, 0.0, 10.0)]
    [InlineData("float(trigger1 < 2 ? trigger1+trigger2 >= 2 ? 5 : 10 : 0)", 3.0, 0.0, 0.0)]
    [InlineData("float(float(trigger2 < 5 ? trigger1 + trigger2 : 5))", 1.0, 2.0, 3.0)]
    [InlineData("count([trigger1,trigger2],{#>1}) > 1 ? 5 : 0", 2.0, 3.0, 5.0)]
    [InlineData("count([trigger1,trigger2],{#>1}) > 1 ? 5 : 0", 0.0, 3.0, 0.0)]
    [InlineData("max(trigger1, trigger2, 3)", 1.0, 2.0, 3.0)]
    [InlineData("min(trigger1, trigger2)", 4.0, 2.0, 2.0)]
    [InlineData("max([trigger1, trigger2])", 4.0, 2.0, 4.0)]
    [InlineData("abs(trigger1)", -4.5, 0.0, 4.5)]
    [InlineData("ceil(trigger1) + floor(trigger2)", 1.2, 2.8, 4.0)]
    [InlineData("round(trigger1)", -2.5, 0.0, -3.0)]
    [InlineData("int(trigger1) % 3", 7.9, 0.0, 1.0)]
    [InlineData("trigger1 > 1 && trigger2 > 1 ? 10 : 1", 2.0, 2.0, 10.0)]
    [InlineData("trigger1 > 1 and not (trigger2 > 1) ? 10 : 1", 2.0, 2.0, 1.0)]
    [InlineData("trigger1 == trigger2 || trigger1 != 0 ? 1 : 0", 0.0, 1.0, 0.0)]
    [InlineData("sum([trigger1, trigger2]) / len([trigger1, trigger2])", 2.0, 4.0, 3.0)]
    [InlineData("trigger1 in [1, 2] ? 1 : 0", 2.0, 0.0, 1.0)]
    public void Evaluate_ExprLangOperators_MatchExprLang(string formula, double t1, double t2, double expected)
    {
        var compiled = Compile(formula, "trigger1", "trigger2");

        var result = compiled.Evaluate(new Dictionary<string, double?> { ["trigger1"] = t1, ["trigger2"] = t2 });

        Assert.Equal(expected, result!.Value, 9);
    }

    [Theory]
    [InlineData(null, 3.0, 3.0)]
    [InlineData(1.0, 3.0, 1.0)]
    [InlineData(null, null, 5.0)]
    public void Evaluate_NilCoalescing_FallsThroughToNextValue(double? one, double? two, double expected)
    {
        var compiled = Compile("trig_one ?? trig_two ?? 5", "trig_one", "trig_two");

        Assert.Equal(expected, compiled.Evaluate(new Dictionary<string, double?> { ["trig_one"] = one, ["trig_two"] = two }));
    }

    [Fact]
    public void Evaluate_NilCoalescingWithoutConstant_ReturnsNullWhenAllNil()
    {
        var compiled = Compile("trigger1 ?? trigger2", "trigger1", "trigger2");

        Assert.Null(compiled.Evaluate(new Dictionary<string, double?>()));
    }

    [Theory]
    [InlineData(null, 2.0, 3.0)]
    [InlineData(1.0, 2.0, 2.0)]
    public void Evaluate_NilCoalescing_BindsTighterThanPlus(double? a, double? b, double expected)
    {
        var compiled = Compile("a ?? b + 1", "a", "b");

        Assert.Equal(expected, compiled.Evaluate(new Dictionary<string, double?> { ["a"] = a, ["b"] = b }));
    }

    [Fact]
    public void TryEvaluate_ArithmeticOnNil_FailsLikeExpr()
    {
        var compiled = Compile("a + 1", "a");

        Assert.False(compiled.TryEvaluate(new Dictionary<string, double?> { ["a"] = null }, out _, out var error));
        Assert.Equal("invalid operation: <nil> + float64", error);
    }

    [Fact]
    public void Evaluate_RuntimeFailure_ThrowsFormulaEvaluationException()
    {
        var compiled = Compile("int(a) % int(b)", "a", "b");

        var ex = Assert.Throws<FormulaEvaluationException>(
            () => compiled.Evaluate(new Dictionary<string, double?> { ["a"] = 1, ["b"] = 0 }));
        Assert.Equal("integer divide by zero", ex.Message);
    }

    [Fact]
    public void TryEvaluate_RunawayFormula_IsStoppedByLimits()
    {
        var compiled = Compile("count(1..10000, {count(1..10000, {# > 0}) > 0})");

        Assert.False(compiled.TryEvaluate(new Dictionary<string, double?>(), out _, out var error));
        Assert.StartsWith("formula evaluation exceeded its limits", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_UnknownName_ReportsPositionInWrappedFormula()
    {
        Assert.Null(FormulaCompiler.Compile("a + b", ["a"], out var error));

        Assert.Equal("unknown name b (1:11)\n | float(a + b)\n | ..........^", error);
    }

    [Fact]
    public void Compile_ModuloOnFloats_IsRejectedAsInExpr()
    {
        Assert.Null(FormulaCompiler.Compile("a % 2", ["a"], out var error));

        Assert.StartsWith("invalid operation: % (mismatched types float64 and int)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_BoolResult_CannotBeCastToFloat()
    {
        Assert.Null(FormulaCompiler.Compile("a > 1", ["a"], out var error));

        Assert.StartsWith("invalid argument for float (type bool)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_NonBoolCondition_IsRejected()
    {
        Assert.Null(FormulaCompiler.Compile("a ? 1 : 2", ["a"], out var error));

        Assert.StartsWith("non-bool expression (type float64) used as condition", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a +")]
    [InlineData("(a")]
    [InlineData("max()")]
    [InlineData("foo(a)")]
    [InlineData("'text'")]
    public void Compile_InvalidFormula_ReturnsError(string formula)
    {
        Assert.Null(FormulaCompiler.Compile(formula, ["a"], out var error));

        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Compile_DeeplyNestedFormula_IsRejectedWithoutCrashing()
    {
        var formula = new string('(', 500) + "a" + new string(')', 500);

        Assert.Null(FormulaCompiler.Compile(formula, ["a"], out var error));
        Assert.StartsWith("formula is nested too deeply", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a + b", "float(a + b)")]
    [InlineData("float(a) + b", "float(a) + b")]
    public void CastToFloatIfNecessary_WrapsUnlessAlreadyFloat(string formula, string expected) =>
        Assert.Equal(expected, FormulaCompiler.CastToFloatIfNecessary(formula));

    private static CompiledFormula Compile(string formula, params string[] variables) =>
        FormulaCompiler.Compile(formula, variables, out var error) ?? throw new InvalidOperationException(error);

    [Fact]
    public void Evaluate_FromManyThreadsAtOnce_GivesEachCallItsOwnResult()
    {
        var compiled = FormulaCompiler.Compile("count([a, a * 2, a * 3], {# > 4}) + a", ["a"], out _)!;
        var results = new double?[2000];

        Parallel.For(0, results.Length, i => results[i] = compiled.Evaluate(new Dictionary<string, double?> { ["a"] = i % 5 }));

        for (var i = 0; i < results.Length; i++)
        {
            var a = i % 5;
            Assert.Equal(new[] { a, a * 2, a * 3 }.Count(v => v > 4) + a, results[i]);
        }
    }

    [Theory]
    [InlineData("map([a, 2], {# * 2})[1] + a", 3.0, 7.0)]
    [InlineData("median([a, 1, 9])", 4.0, 4.0)]
    [InlineData("mean(filter([a, 1, 9], {# > 1}))", 3.0, 6.0)]
    [InlineData("[a, 2][-1]", 5.0, 2.0)]
    [InlineData("all([a], {# > 1}) and none([a], {# > 10}) and one([a, 0], {# > 1}) ? 1 : 0", 5.0, 1.0)]
    public void Evaluate_CollectionBuiltins_FollowExprLang(string formula, double a, double expected) =>
        Assert.Equal(expected, FormulaCompiler.Compile(formula, ["a"], out _)!.Evaluate(new Dictionary<string, double?> { ["a"] = a }));
}
