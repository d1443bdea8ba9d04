using k8s;
using k8s.Models;
using Operator.Api;

namespace Operator.Scaling.Hpa;

/// <summary>
/// KEDA's HPA generation (<c>controllers/keda/hpa.go newHPAForScaledObject</c> and <c>getScaledObjectMetricSpecs</c>)
/// as a pure function of the ScaledObject, each trigger's metric specs, the target's GVKR and the version string.
/// </summary>
internal static class HpaBuilder
{
    public const string DisabledPolicy = "Disabled";

    public static HpaGenerationResult Build(
        ScaledObject so,
        IReadOnlyList<IReadOnlyList<V2MetricSpec>?> perTriggerSpecs,
        GroupVersionKindResource gvkr,
        string kedaVersion)
    {
        var metrics = HpaMetrics.Collect(so, perTriggerSpecs);
        if (metrics.Error is not null)
        {
            return metrics;
        }

        if (!ScaledObjectAnnotations.TryGetPausedReplicas(so.Metadata.Annotations, out var pausedReplicas, out var pausedError))
        {
            return HpaGenerationResult.Failure(pausedError!);
        }

        var min = so.GetHpaMinReplicas();
        var max = so.GetHpaMaxReplicas();
        if (pausedReplicas is int paused)
        {
            // The HPA's minReplicas cannot be 0, so paused-replicas 0 pins the HPA at 1.
            min = max = Math.Max(paused, 1);
        }

        var hpa = new V2HorizontalPodAutoscaler
        {
            ApiVersion = "autoscaling/v2",
            Kind = "HorizontalPodAutoscaler",
            Metadata = new V1ObjectMeta
            {
                Name = so.GetHpaName(),
                NamespaceProperty = so.Metadata.NamespaceProperty,
                Labels = Labels(so, kedaVersion),
                Annotations = so.Metadata.Annotations is null ? null : new Dictionary<string, string>(so.Metadata.Annotations),
                OwnerReferences = [OwnerReference(so)],
            },
            Spec = new V2HorizontalPodAutoscalerSpec
            {
                MinReplicas = min,
                MaxReplicas = max,
                Metrics = [.. metrics.Metrics],
                Behavior = Behavior(so),
                ScaleTargetRef = new V2CrossVersionObjectReference
                {
                    Name = so.Spec.ScaleTargetRef.Name,
                    Kind = gvkr.Kind,
                    ApiVersion = string.IsNullOrEmpty(gvkr.Group) ? gvkr.Version : $"{gvkr.Group}/{gvkr.Version}",
                },
            },
        };

        return metrics with { Hpa = hpa };
    }

    /// <summary>The configured behavior (copied), with <c>selectPolicy: Disabled</c> for paused scale-in/out.</summary>
    public static V2HorizontalPodAutoscalerBehavior? Behavior(ScaledObject so)
    {
        var configured = so.Spec.Advanced?.HorizontalPodAutoscalerConfig?.Behavior;
        var behavior = configured is null ? null : KubernetesJson.Deserialize<V2HorizontalPodAutoscalerBehavior>(KubernetesJson.Serialize(configured));
        var annotations = so.Metadata.Annotations;
        if (ScaledObjectAnnotations.IsScaleInPaused(annotations))
        {
            behavior ??= new V2HorizontalPodAutoscalerBehavior();
            behavior.ScaleDown ??= new V2HPAScalingRules();
            behavior.ScaleDown.SelectPolicy = DisabledPolicy;
        }

        if (ScaledObjectAnnotations.IsScaleOutPaused(annotations))
        {
            behavior ??= new V2HorizontalPodAutoscalerBehavior();
            behavior.ScaleUp ??= new V2HPAScalingRules();
            behavior.ScaleUp.SelectPolicy = DisabledPolicy;
        }

        return behavior;
    }

    /// <summary>KEDA's app.kubernetes.io labels plus the ScaledObject's labels minus <c>hpa-excluded-labels</c>.</summary>
    public static Dictionary<string, string> Labels(ScaledObject so, string kedaVersion)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["app.kubernetes.io/name"] = LabelValue(so.GetHpaName()),
            ["app.kubernetes.io/version"] = kedaVersion,
            ["app.kubernetes.io/part-of"] = so.Metadata.Name,
            ["app.kubernetes.io/managed-by"] = ScalingDefaults.HpaManagedBy,
        };

        var excluded = new HashSet<string>(StringComparer.Ordinal);
        if (so.Metadata.Annotations?.TryGetValue(ScaledObjectAnnotations.HpaExcludedLabels, out var list) == true)
        {
            excluded.UnionWith(list.Split(','));
        }

        foreach (var (key, value) in so.Metadata.Labels ?? new Dictionary<string, string>())
        {
            if (!excluded.Contains(key))
            {
                labels[key] = value;
            }
        }

        return labels;
    }

    /// <summary>A label value from a name: cut to 63 characters, then trailing non-alphanumerics trimmed.</summary>
    public static string LabelValue(string name)
    {
        if (name.Length <= ScaledObjectDefaults.MaxLabelValueLength)
        {
            return name;
        }

        var cut = name[..ScaledObjectDefaults.MaxLabelValueLength];
        var end = cut.Length;
        while (end > 0 && !char.IsLetter(cut[end - 1]) && !char.IsNumber(cut[end - 1]))
        {
            end--;
        }

        return cut[..end];
    }

    private static V1OwnerReference OwnerReference(ScaledObject so) => new()
    {
        ApiVersion = so.ApiVersion,
        Kind = so.Kind,
        Name = so.Metadata.Name,
        Uid = so.Metadata.Uid,
        Controller = true,
        BlockOwnerDeletion = true,
    };
}
