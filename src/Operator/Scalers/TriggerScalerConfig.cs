using Operator.Api;

namespace Operator.Scalers;

/// <summary>
/// One trigger's <see cref="ScalerConfig"/> as KEDA's scalers builder assembles it, with what went wrong resolving
/// its authentication (errors and warnings are prefixed with the trigger, never contain a secret).
/// </summary>
public sealed record TriggerScalerConfig(
    int Index, ScaleTrigger Trigger, ScalerConfig Config, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    /// <summary>The prefix of this trigger's messages, e.g. <c>trigger 0 (prometheus): </c>.</summary>
    public string Prefix => $"trigger {Index} ({Trigger.Type}): ";

    /// <summary>Its authentication references an object absent from a partial input (not checked).</summary>
    public bool HasUncheckedReferences { get; init; }
}
