using Operator.Api;

namespace Operator.Scaling.Modifiers;

/// <summary>KEDA's <c>ValidateAndCompileScalingModifiers</c>: checks formula, target and metricType, then compiles.</summary>
public static class ScalingModifiersValidator
{
    private const string FormulaPrefix = "error validating formula in ScalingModifiers";
    private const string TargetPrefix = "error validating target in ScalingModifiers";

    /// <summary>
    /// Validates <c>spec.advanced.scalingModifiers</c> and returns the compiled formula, or null and KEDA's
    /// message (<c>errors.Join</c>ed with its prefix line). The trial run uses -1.0 for every named
    /// non-cpu/memory trigger, so an unnamed or unknown trigger in the formula fails here as in KEDA.
    /// </summary>
    public static CompiledFormula? ValidateAndCompile(ScaledObject scaledObject, out string? error)
    {
        ArgumentNullException.ThrowIfNull(scaledObject);
        var modifiers = scaledObject.Spec.Advanced?.ScalingModifiers;
        if (string.IsNullOrEmpty(modifiers?.Formula))
        {
            error = "error ScalingModifiers.Formula is mandatory";
            return null;
        }

        if (string.IsNullOrEmpty(modifiers.Target))
        {
            error = $"{FormulaPrefix}\nformula is given but target is empty";
            return null;
        }

        var variables = FormulaVariables(scaledObject);
        var compiled = FormulaCompiler.Compile(modifiers.Formula, variables, out var compileError);
        if (compiled is null)
        {
            error = $"{FormulaPrefix}\n{compileError}";
            return null;
        }

        var dummy = variables.ToDictionary(v => v, _ => (double?)ModifiersDefaults.ValidationDummyValue, StringComparer.Ordinal);
        if (!compiled.TryEvaluate(dummy, out _, out var runError))
        {
            error = $"{FormulaPrefix}\n{runError}";
            return null;
        }

        error = ValidateTarget(modifiers);
        if (error is not null)
        {
            return null;
        }

        return compiled;
    }

    /// <summary>The names a formula may use: every named trigger that is not cpu/memory (KEDA skips resource metrics).</summary>
    public static List<string> FormulaVariables(ScaledObject scaledObject)
    {
        ArgumentNullException.ThrowIfNull(scaledObject);
        return scaledObject.Spec.Triggers
            .Where(t => t.Type is not ("cpu" or "memory") && !string.IsNullOrEmpty(t.Name))
            .Select(t => t.Name!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static string? ValidateTarget(ScalingModifiers modifiers)
    {
        var parsed = GoFloat.TryParse(modifiers.Target!, out var target, out var parseError);
        if (!parsed || target <= 0)
        {
            // KEDA formats a nil error with %w, producing Go's "%!w(<nil>)" for non-positive targets.
            return $"{TargetPrefix}\nerror converting target for scalingModifiers (string->float) to valid target: {parseError ?? "%!w(<nil>)"}";
        }

        if (modifiers.MetricType == "Utilization")
        {
            return $"{TargetPrefix}\nerror trigger type is Utilization, but it needs to be AverageValue or Value for external metrics";
        }

        return null;
    }
}
