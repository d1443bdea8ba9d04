namespace Operator.Scaling.Modifiers;

/// <summary>
/// A KEDA <c>scalingModifiers.formula</c> parsed and checked once, evaluated per poll by walking its expr-lang AST
/// (no script engine, no lock: each evaluation has its own state). Variables are trigger names; a missing or
/// <c>null</c> value is expr-lang's <c>nil</c> (usable with <c>??</c>). Thread-safe.
/// </summary>
public sealed class CompiledFormula
{
    private readonly FormulaNode _root;
    private readonly bool _nilSafe;

    internal CompiledFormula(string formula, IReadOnlyList<string> variables, FormulaNode root, bool nilSafe)
    {
        Formula = formula;
        Variables = variables;
        _root = root;
        _nilSafe = nilSafe;
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
        object? output;
        try
        {
            output = new FormulaInterpreter(values).Evaluate(_root);

            // KEDA's "??" wrapper: nil stays nil, anything else goes through float().
            if (_nilSafe && output is not null && output is not double)
            {
                throw new FormulaEvaluationException($"invalid argument for float (type {FormulaInterpreter.TypeName(output)})");
            }
        }
        catch (FormulaEvaluationException ex)
        {
            result = null;
            error = ex.Message;
            return false;
        }

        switch (output)
        {
            case null:
                result = null;
                error = null;
                return true;
            case double value:
                result = value;
                error = null;
                return true;
            default:
                result = null;
                error = $"expected float64, but got {(output is bool ? "boolean" : "object")}";
                return false;
        }
    }

    public override string ToString() => Formula;
}
