using Jint;
using Jint.Native;
using Jint.Runtime;

namespace Operator.Scaling.Modifiers;

/// <summary>
/// A KEDA <c>scalingModifiers.formula</c> compiled once and evaluated per poll. Variables are trigger names;
/// a missing or <c>null</c> value is expr-lang's <c>nil</c> (usable with <c>??</c>). Thread-safe.
/// </summary>
public sealed class CompiledFormula : IDisposable
{
    private readonly Engine _engine;
    private readonly JsValue _function;
    private readonly Lock _gate = new();

    internal CompiledFormula(string formula, IReadOnlyList<string> variables, string javaScriptFunction)
    {
        Formula = formula;
        Variables = variables;
        _engine = new Engine(options => options
            .Strict()
            .TimeoutInterval(ModifiersDefaults.EvaluationTimeout)
            .MaxStatements(ModifiersDefaults.MaxStatements)
            .LimitRecursion(ModifiersDefaults.MaxRecursion)
            .LimitMemory(ModifiersDefaults.MaxMemoryBytes)
            .DisableStringCompilation());
        _engine.Execute(FormulaRuntime.Prelude);
        _function = _engine.Evaluate(javaScriptFunction);
    }

    /// <summary>The formula as written in the ScaledObject.</summary>
    public string Formula { get; }

    /// <summary>Names the formula may reference (the named non-cpu/memory triggers at compile time).</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>Evaluates the formula; <c>null</c> when a <c>??</c> formula yields nil.</summary>
    /// <exception cref="FormulaEvaluationException">The formula failed at run time (e.g. arithmetic on nil).</exception>
    public double? Evaluate(IReadOnlyDictionary<string, double?> values) =>
        TryEvaluate(values, out var result, out var error) ? result : throw new FormulaEvaluationException(error!);

    /// <summary>Evaluates the formula, returning false with expr-lang's message when it fails at run time.</summary>
    public bool TryEvaluate(IReadOnlyDictionary<string, double?> values, out double? result, out string? error)
    {
        ArgumentNullException.ThrowIfNull(values);
        var arguments = new JsValue[Variables.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = values.TryGetValue(Variables[i], out var v) && v is { } d ? new JsNumber(d) : JsValue.Null;
        }

        JsValue output;
        try
        {
            lock (_gate)
            {
                output = _engine.Invoke(_function, JsValue.Undefined, arguments);
            }
        }
        catch (JavaScriptException ex)
        {
            return Fail(ex.Error.IsObject() ? ex.Error.Get("message").ToString() : ex.Message, out result, out error);
        }
        catch (Exception ex) when (ex is TimeoutException or StatementsCountOverflowException
                                       or RecursionDepthOverflowException or MemoryLimitExceededException)
        {
            return Fail($"formula evaluation exceeded its limits: {ex.Message}", out result, out error);
        }

        if (output.IsNull() || output.IsUndefined())
        {
            result = null;
            error = null;
            return true;
        }

        if (!output.IsNumber())
        {
            return Fail($"expected float64, but got {output.Type.ToString().ToLowerInvariant()}", out result, out error);
        }

        result = output.AsNumber();
        error = null;
        return true;
    }

    public override string ToString() => Formula;

    /// <summary>Releases the script engine; later evaluations fail.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _engine.Dispose();
        }
    }

    private static bool Fail(string message, out double? result, out string? error)
    {
        result = null;
        error = message;
        return false;
    }
}
