using Operator.Api;
using Operator.Resolution;
using Operator.Scaling.Modifiers;

namespace Operator.Validation;

/// <summary>
/// KEDA's ScaledObject admission webhook over the objects at hand. KEDA runs its checks in random (Go map)
/// order and stops at the first error; this runs them all in a fixed order and reports each check's first error,
/// so <see cref="ValidationResult.Errors"/>[0] is one of the errors KEDA could report.
/// </summary>
public static class ScaledObjectValidator
{
    public static ValidationResult ValidateCreate(ScaledObject scaledObject, IObjectsAtHand context, bool dryRun = false)
    {
        ArgumentNullException.ThrowIfNull(scaledObject);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<string>();
        void Add(string? error)
        {
            if (error is not null)
            {
                errors.Add(error);
            }
        }

        Add(ScaledObjectRules.CheckReplicaCountBoundsAreValid(scaledObject));
        Add(ScaledObjectRules.CheckFallbackValid(scaledObject));
        Add(ScaledObjectRules.VerifyName(scaledObject));
        Add(VerifyHpas(scaledObject, context));
        Add(VerifyScaledObjects(scaledObject, context));
        Add(dryRun ? null : CpuMemoryRules.Verify(scaledObject, context));
        Add(TriggerRules.ValidateTriggers(scaledObject.Spec.Triggers));
        return new ValidationResult(errors, ScaledObjectRules.Warnings(scaledObject));
    }

    /// <summary>Update: skipped entirely when the update only removes finalizers (KEDA lets deletion finish).</summary>
    public static ValidationResult ValidateUpdate(ScaledObject updated, ScaledObject old, IObjectsAtHand context, bool dryRun = false) =>
        ScaledObjectRules.IsRemovingFinalizer(updated, old) ? ValidationResult.Valid : ValidateCreate(updated, context, dryRun);

    /// <summary>KEDA's <c>verifyHpas</c>: no other HPA may already scale the same workload.</summary>
    public static string? VerifyHpas(ScaledObject scaledObject, IObjectsAtHand context)
    {
        if (!TryParseTarget(scaledObject, context, out var gvkr, out var error))
        {
            return error;
        }

        var target = scaledObject.Spec.ScaleTargetRef;
        var gvk = gvkr.GvkString();
        foreach (var hpa in context.GetHorizontalPodAutoscalers(Namespace(scaledObject)))
        {
            if (hpa.Metadata?.Annotations?.TryGetValue(ScaledObjectAnnotations.ValidationsHpaOwnership, out var v) == true && v == "false")
            {
                continue;
            }

            var hpaTarget = hpa.Spec?.ScaleTargetRef;
            if (!GroupVersionKindResourceParser.TryParse(hpaTarget?.ApiVersion, hpaTarget?.Kind, context.ResolveResource, out var hpaGvkr, out error))
            {
                return error;
            }

            if (hpaGvkr.GvkString() != gvk || hpaTarget?.Name != target.Name)
            {
                continue;
            }

            var owned = hpa.Metadata?.OwnerReferences?.Any(o => o.Kind == scaledObject.Kind && o.Name == scaledObject.Metadata.Name) == true;
            if (owned)
            {
                continue;
            }

            var hpaName = hpa.Metadata?.Name;
            if (scaledObject.Metadata.Annotations?.TryGetValue(ScaledObjectAnnotations.TransferHpaOwnership, out var transfer) != true || transfer != "true")
            {
                return $"the workload '{target.Name}' of type '{gvk}' is already managed by the hpa '{hpaName}'";
            }

            if (scaledObject.Spec.Advanced?.HorizontalPodAutoscalerConfig?.Name != hpaName)
            {
                return $"the existing hpa '{hpaName}' for workload '{target.Name}' of type '{gvk}' must be specified by name in advanced settings to enable ownership transfer";
            }
        }

        return null;
    }

    /// <summary>KEDA's <c>verifyScaledObjects</c>: unique target and HPA name, valid scaling modifiers.</summary>
    public static string? VerifyScaledObjects(ScaledObject scaledObject, IObjectsAtHand context)
    {
        if (!TryParseTarget(scaledObject, context, out var gvkr, out var error))
        {
            return error;
        }

        var target = scaledObject.Spec.ScaleTargetRef;
        var gvk = gvkr.GvkString();
        var hpaName = scaledObject.GetHpaName();
        foreach (var other in context.GetScaledObjects(Namespace(scaledObject)))
        {
            if (other.Metadata.Name == scaledObject.Metadata.Name || CreatedAfter(other, scaledObject))
            {
                continue;
            }

            var otherTarget = other.Spec.ScaleTargetRef;
            if (!GroupVersionKindResourceParser.TryParse(otherTarget.ApiVersion, otherTarget.Kind, context.ResolveResource, out var otherGvkr, out error))
            {
                return error;
            }

            if (otherGvkr.GvkString() == gvk && otherTarget.Name == target.Name)
            {
                return $"the workload '{otherTarget.Name}' of type '{gvk}' is already managed by the ScaledObject '{other.Metadata.Name}'";
            }

            if (other.GetHpaName() == hpaName)
            {
                return $"the HPA '{hpaName}' is already managed by the ScaledObject '{other.Metadata.Name}'";
            }
        }

        if (scaledObject.IsUsingModifiers())
        {
            var compiled = ScalingModifiersValidator.ValidateAndCompile(scaledObject, out error);
            if (error is not null)
            {
                return error;
            }
        }

        if (scaledObject.Spec.Fallback?.Behavior == "scalingModifiers" && string.IsNullOrEmpty(scaledObject.Spec.Advanced?.ScalingModifiers?.Formula))
        {
            return "scalingModifiers fallback behavior requires scalingModifiers.formula to be defined";
        }

        return null;
    }

    // KEDA's webhook checks a ScaledObject when it is created, against the ScaledObjects that exist then: one created
    // later cannot be what it conflicts with (KEDA rejects that later one). Objects without a creationTimestamp
    // (validate's input files) all count.
    private static bool CreatedAfter(ScaledObject other, ScaledObject scaledObject) =>
        other.Metadata.CreationTimestamp is { } otherCreated && scaledObject.Metadata.CreationTimestamp is { } created
        && (otherCreated != created ? otherCreated > created : string.CompareOrdinal(other.Metadata.Name, scaledObject.Metadata.Name) > 0);

    /// <summary>Parses the scale target like KEDA's <c>ParseGVKR</c> (RESTMapper from the context).</summary>
    internal static bool TryParseTarget(
        ScaledObject scaledObject, IObjectsAtHand context, out GroupVersionKindResource gvkr, out string? error)
    {
        ArgumentNullException.ThrowIfNull(scaledObject);
        ArgumentNullException.ThrowIfNull(context);
        var target = scaledObject.Spec.ScaleTargetRef;
        return GroupVersionKindResourceParser.TryParse(target.ApiVersion, target.Kind, context.ResolveResource, out gvkr, out error);
    }

    internal static string Namespace(ScaledObject scaledObject) => scaledObject.Metadata.NamespaceProperty ?? "default";
}
