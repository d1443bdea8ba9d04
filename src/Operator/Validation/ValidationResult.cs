namespace Operator.Validation;

/// <summary>Outcome of validating a KEDA object: KEDA's error messages (rejections) and admission warnings.</summary>
public sealed record ValidationResult(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public static ValidationResult Valid { get; } = new([], []);

    /// <summary>True when KEDA's webhook would admit the object.</summary>
    public bool IsValid => Errors.Count == 0;

    public static ValidationResult FromError(string? error) => error is null ? Valid : new([error], []);
}
