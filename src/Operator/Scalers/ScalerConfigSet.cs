namespace Operator.Scalers;

/// <summary>
/// The scaler configurations of every trigger of one ScaledObject/ScaledJob, the error resolving the scale target's
/// environment (if any), and every secret value read on the way (to redact from anything shown).
/// </summary>
public sealed record ScalerConfigSet(IReadOnlyList<TriggerScalerConfig> Triggers, string? EnvError, IReadOnlySet<string> SensitiveValues)
{
    /// <summary>References of the scale target's env that were not checked (absent from a partial input).</summary>
    public IReadOnlyList<string> EnvWarnings { get; init; } = [];
}
