using System.Globalization;
using Operator.Scalers.Config;

namespace Operator.Api;

/// <summary>
/// KEDA's ScaledObject annotations and labels (<c>apis/keda/v1alpha1/scaledobject_types.go</c>) and how KEDA reads them.
/// </summary>
public static class ScaledObjectAnnotations
{
    /// <summary>Pause the ScaledObject and pin the target to this many replicas.</summary>
    public const string PausedReplicas = "autoscaling.keda.sh/paused-replicas";

    /// <summary>Pause the ScaledObject at the current replica count.</summary>
    public const string Paused = "autoscaling.keda.sh/paused";

    /// <summary>Keep scaling out but never scale in (KEDA and the HPA).</summary>
    public const string PausedScaleIn = "autoscaling.keda.sh/paused-scale-in";

    /// <summary>Keep scaling in but never scale out (KEDA and the HPA).</summary>
    public const string PausedScaleOut = "autoscaling.keda.sh/paused-scale-out";

    /// <summary>Treat the triggers as active whatever their values.</summary>
    public const string ForceActivation = "autoscaling.keda.sh/force-activation";

    /// <summary>Allow adopting an existing HPA named in <c>advanced.horizontalPodAutoscalerConfig.name</c>.</summary>
    public const string TransferHpaOwnership = "scaledobject.keda.sh/transfer-hpa-ownership";

    /// <summary>Comma list of ScaledObject labels that are not copied to the generated HPA.</summary>
    public const string HpaExcludedLabels = "scaledobject.keda.sh/hpa-excluded-labels";

    /// <summary>On an HPA: <c>"false"</c> makes the admission webhook ignore that HPA.</summary>
    public const string ValidationsHpaOwnership = "validations.keda.sh/hpa-ownership";

    /// <summary>Label the operator puts on every ScaledObject (and the HPA metric selector uses): the ScaledObject name.</summary>
    public const string ScaledObjectNameLabel = ScaledObjectDefaults.ScaledObjectNameLabel;

    /// <summary>
    /// Reads a boolean pause/activation annotation the way KEDA does: absent → false, Go <c>ParseBool</c> value → that
    /// value, anything else → true (KEDA assumes the user meant to set it).
    /// </summary>
    public static bool IsFlagSet(IDictionary<string, string>? annotations, string key)
    {
        if (annotations is null || !annotations.TryGetValue(key, out var value))
        {
            return false;
        }

        return GoParse.TryParseBool(value, out var parsed) ? parsed : true;
    }

    /// <summary>The paused-replicas annotation: absent → no value; not an int32 → <paramref name="error"/> set.</summary>
    public static bool TryGetPausedReplicas(IDictionary<string, string>? annotations, out int? replicas, out string? error)
    {
        replicas = null;
        error = null;
        if (annotations is null || !annotations.TryGetValue(PausedReplicas, out var value))
        {
            return true;
        }

        // KEDA parses with strconv.ParseInt(val, 10, 32): optional sign, decimal digits only.
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            replicas = parsed;
            return true;
        }

        error = $"annotation \"{PausedReplicas}\" value \"{value}\" is not a valid 32-bit integer";
        return false;
    }

    /// <summary>
    /// Paused as the scale loop sees it: the paused-replicas annotation is present (it wins over
    /// <c>paused: "false"</c>), or the paused annotation is set (non-boolean counts as true).
    /// </summary>
    public static bool IsPaused(IDictionary<string, string>? annotations) =>
        (annotations?.ContainsKey(PausedReplicas) ?? false) || IsFlagSet(annotations, Paused);

    /// <summary>
    /// KEDA's <c>NeedToBePausedByAnnotation</c> (controller): with paused-replicas present it only counts once
    /// <c>status.pausedReplicaCount</c> has been written; otherwise the paused annotation decides.
    /// </summary>
    public static bool NeedToBePausedByAnnotation(ScaledObject scaledObject)
    {
        var annotations = scaledObject.Metadata.Annotations;
        if (annotations?.ContainsKey(PausedReplicas) ?? false)
        {
            return scaledObject.Status?.PausedReplicaCount is not null;
        }

        return IsFlagSet(annotations, Paused);
    }

    public static bool IsScaleInPaused(IDictionary<string, string>? annotations) => IsFlagSet(annotations, PausedScaleIn);

    public static bool IsScaleOutPaused(IDictionary<string, string>? annotations) => IsFlagSet(annotations, PausedScaleOut);

    public static bool IsActivationForced(IDictionary<string, string>? annotations) => IsFlagSet(annotations, ForceActivation);

    /// <summary>Transfer of HPA ownership is requested only by the exact value <c>"true"</c>.</summary>
    public static bool IsHpaOwnershipTransferRequested(IDictionary<string, string>? annotations) =>
        annotations is not null && annotations.TryGetValue(TransferHpaOwnership, out var v) && v == "true";
}
