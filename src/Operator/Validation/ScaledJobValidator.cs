using Operator.Api;

namespace Operator.Validation;

/// <summary>KEDA's ScaledJob admission webhook: only the trigger checks.</summary>
public static class ScaledJobValidator
{
    public static ValidationResult ValidateCreate(ScaledJob scaledJob)
    {
        ArgumentNullException.ThrowIfNull(scaledJob);
        return ValidationResult.FromError(TriggerRules.ValidateTriggers(scaledJob.Spec.Triggers));
    }

    /// <summary>Update: skipped when the last finalizer is removed and the spec is unchanged.</summary>
    public static ValidationResult ValidateUpdate(ScaledJob updated, ScaledJob old)
    {
        ArgumentNullException.ThrowIfNull(updated);
        ArgumentNullException.ThrowIfNull(old);
        var removingFinalizer = (updated.Metadata.Finalizers?.Count ?? 0) == 0
            && old.Metadata.Finalizers?.Count == 1
            && KedaJson.Serialize(updated.Spec) == KedaJson.Serialize(old.Spec);
        return removingFinalizer ? ValidationResult.Valid : ValidateCreate(updated);
    }
}
