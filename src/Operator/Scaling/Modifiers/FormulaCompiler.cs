namespace Operator.Scaling.Modifiers;

/// <summary>
/// Compiles a KEDA formula the way KEDA prepares it for expr-lang: wrapped in <c>float(...)</c> unless it
/// already starts with <c>float(</c>; formulas using <c>??</c> may yield nil instead (KEDA's
/// <c>let _kedaCompositeResult = (f); _kedaCompositeResult == nil ? nil : float(_kedaCompositeResult)</c>).
/// Error messages carry expr-lang's position and snippet against that wrapped source.
/// </summary>
public static class FormulaCompiler
{
    private const string NilSafePrefix = "let _kedaCompositeResult = (";
    private const string NilSafeSuffix = "); _kedaCompositeResult == nil ? nil : float(_kedaCompositeResult)";

    /// <summary>Compiles <paramref name="formula"/> over <paramref name="variables"/>; on failure returns null and expr-lang's message.</summary>
    public static CompiledFormula? Compile(string formula, IEnumerable<string> variables, out string? error)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(variables);
        if (formula.Length > ModifiersDefaults.MaxFormulaLength)
        {
            error = $"formula is longer than {ModifiersDefaults.MaxFormulaLength} characters";
            return null;
        }

        var names = variables.Distinct(StringComparer.Ordinal).ToList();
        var nilSafe = formula.Contains("??", StringComparison.Ordinal);
        var source = nilSafe ? formula : CastToFloatIfNecessary(formula);
        try
        {
            var root = FormulaParser.Parse(source);
            FormulaChecker.Check(root, names.ToHashSet(StringComparer.Ordinal));
            error = null;
            return new CompiledFormula(formula, names, root, nilSafe);
        }
        catch (FormulaSyntaxException ex) when (nilSafe)
        {
            error = new FormulaSyntaxException(ex.Message, ex.Position + NilSafePrefix.Length)
                .Render(NilSafePrefix + formula + NilSafeSuffix);
            return null;
        }
        catch (FormulaSyntaxException ex)
        {
            error = ex.Render(source);
            return null;
        }
    }

    /// <summary>KEDA's <c>castToFloatIfNecessary</c>.</summary>
    public static string CastToFloatIfNecessary(string formula) =>
        formula.StartsWith("float(", StringComparison.Ordinal) ? formula : $"float({formula})";
}
