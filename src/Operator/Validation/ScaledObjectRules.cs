using System.Text;
using Operator.Api;

namespace Operator.Validation;

/// <summary>KEDA's pure ScaledObject checks (used by its webhook and its controller), with KEDA's messages and quirks.</summary>
public static class ScaledObjectRules
{
    /// <summary>KEDA's <c>CheckReplicaCountBoundsAreValid</c>.</summary>
    public static string? CheckReplicaCountBoundsAreValid(ScaledObject scaledObject)
    {
        ArgumentNullException.ThrowIfNull(scaledObject);
        var spec = scaledObject.Spec;

        // KEDA quirk: an explicit minReplicaCount of 0 is raised to the HPA minimum (1) here, an unset one stays 0.
        var min = spec.MinReplicaCount is null ? 0 : scaledObject.GetHpaMinReplicas();
        var max = scaledObject.GetHpaMaxReplicas();
        if (min > max)
        {
            return $"MinReplicaCount={min} must be less than MaxReplicaCount={max}";
        }

        if (spec.IdleReplicaCount is { } idle && idle >= min)
        {
            return $"IdleReplicaCount={idle} must be less than MinReplicaCount={min}";
        }

        return null;
    }

    /// <summary>KEDA's <c>CheckFallbackValid</c> (the trigger's metricType is no longer checked).</summary>
    public static string? CheckFallbackValid(ScaledObject scaledObject)
    {
        ArgumentNullException.ThrowIfNull(scaledObject);
        if (scaledObject.Spec.Fallback is not { } fallback)
        {
            return null;
        }

        if (fallback.FailureThreshold < 0 || fallback.Replicas < 0)
        {
            return $"FailureThreshold={fallback.FailureThreshold} & Replicas={fallback.Replicas} must both be greater than or equal to 0";
        }

        if (scaledObject.IsUsingModifiers())
        {
            return null;
        }

        return scaledObject.Spec.Triggers.Any(t => !TriggerRules.IsResourceTrigger(t))
            ? null
            : "at least one trigger (that is not cpu or memory) has to have the `AverageValue` type for the fallback to be enabled";
    }

    /// <summary>KEDA's <c>verifyName</c>: the name is a label value and the HPA name a DNS-1123 label (63 characters).</summary>
    public static string? VerifyName(ScaledObject scaledObject)
    {
        ArgumentNullException.ThrowIfNull(scaledObject);
        var name = scaledObject.Metadata.Name ?? "";
        var max = ScaledObjectDefaults.MaxLabelValueLength;
        var nameLength = Encoding.UTF8.GetByteCount(name);
        if (nameLength > max)
        {
            return $"scaledobject name \"{name}\" is {nameLength} characters long; must be no more than {max} characters because it is used as the \"{ScaledObjectDefaults.ScaledObjectNameLabel}\" label value";
        }

        var hpaName = scaledObject.GetHpaName();
        var hpaLength = Encoding.UTF8.GetByteCount(hpaName);
        if (hpaLength > max)
        {
            return $"HPA name \"{hpaName}\" derived from scaledobject is {hpaLength} characters long; must be no more than {max} characters; set spec.advanced.horizontalPodAutoscalerConfig.name to a shorter name or shorten the scaledobject name";
        }

        return null;
    }

    /// <summary>KEDA's admission warnings for settings that have no effect.</summary>
    public static List<string> Warnings(ScaledObject scaledObject)
    {
        ArgumentNullException.ThrowIfNull(scaledObject);
        var spec = scaledObject.Spec;
        var warnings = new List<string>();
        var min = spec.MinReplicaCount ?? 0;
        if (spec.PollingInterval is not null && min > 0 && spec.IdleReplicaCount is null && !spec.Triggers.Any(t => t.UseCachedMetrics))
        {
            warnings.Add("PollingInterval is configured but is not relevant. PollingInterval is only relevant when minReplicaCount = 0, idleReplicaCount is set, or useCachedMetrics is enabled");
        }

        if (spec.CooldownPeriod is not null && min > 0 && spec.IdleReplicaCount is null)
        {
            warnings.Add("CooldownPeriod is configured but is not relevant. CooldownPeriod is only relevant when minReplicaCount = 0 or idleReplicaCount is set");
        }

        return warnings;
    }

    /// <summary>KEDA's <c>isRemovingFinalizer</c>: an update that only drops finalizers skips validation.</summary>
    public static bool IsRemovingFinalizer(ScaledObject updated, ScaledObject old)
    {
        ArgumentNullException.ThrowIfNull(updated);
        ArgumentNullException.ThrowIfNull(old);
        return (updated.Metadata.Finalizers?.Count ?? 0) < (old.Metadata.Finalizers?.Count ?? 0)
            && KedaJson.Serialize(updated.Spec) == KedaJson.Serialize(old.Spec);
    }
}
