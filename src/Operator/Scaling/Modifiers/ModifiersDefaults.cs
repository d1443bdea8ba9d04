namespace Operator.Scaling.Modifiers;

/// <summary>Limits that keep a user formula from hanging or exhausting the operator.</summary>
public static class ModifiersDefaults
{
    /// <summary>Longest accepted formula (characters).</summary>
    public const int MaxFormulaLength = 4096;

    /// <summary>Most AST nodes one evaluation may visit (stops runaway nested predicates over ranges).</summary>
    public const int MaxEvaluationSteps = 1_000_000;

    /// <summary>Most elements a <c>..</c> range may span.</summary>
    public const int MaxRangeLength = 10_000;

    /// <summary>Value every formula variable gets in KEDA's admission-time trial run.</summary>
    public const double ValidationDummyValue = -1.0;
}
