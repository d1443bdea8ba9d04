namespace Operator.Scaling.Modifiers;

/// <summary>Limits that keep a user formula from hanging or exhausting the operator.</summary>
public static class ModifiersDefaults
{
    /// <summary>Longest accepted formula (characters).</summary>
    public const int MaxFormulaLength = 4096;

    /// <summary>Wall-clock budget for one evaluation.</summary>
    public static readonly TimeSpan EvaluationTimeout = TimeSpan.FromSeconds(1);

    public const int MaxStatements = 100_000;

    public const int MaxRecursion = 64;

    public const long MaxMemoryBytes = 16 * 1024 * 1024;

    /// <summary>Value every formula variable gets in KEDA's admission-time trial run.</summary>
    public const double ValidationDummyValue = -1.0;
}
