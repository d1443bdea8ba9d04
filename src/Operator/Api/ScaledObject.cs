namespace Operator.Api;

/// <summary>KEDA's <c>keda.sh/v1alpha1</c> ScaledObject (short name <c>so</c>).</summary>
public sealed class ScaledObject() : KedaResource<ScaledObjectSpec, ScaledObjectStatus>(KubeKind)
{
    public const string KubeKind = "ScaledObject";
    public const string KubePlural = "scaledobjects";

    /// <summary>KEDA's <c>GetHPAMinReplicas</c>: <c>minReplicaCount</c> when &gt; 0, else 1 (KEDA itself handles 1↔0).</summary>
    public int GetHpaMinReplicas() =>
        Spec.MinReplicaCount is int min && min > 0 ? min : ScaledObjectDefaults.HpaMinReplicas;

    /// <summary>KEDA's <c>GetHPAMaxReplicas</c>: <c>maxReplicaCount</c> or 100.</summary>
    public int GetHpaMaxReplicas() => Spec.MaxReplicaCount ?? ScaledObjectDefaults.MaxReplicaCount;

    /// <summary>KEDA's <c>getHpaName</c>: the configured HPA name, or <c>keda-hpa-&lt;name&gt;</c> when unset/empty.</summary>
    public string GetHpaName() =>
        Spec.Advanced?.HorizontalPodAutoscalerConfig?.Name is { Length: > 0 } name
            ? name
            : ScaledObjectDefaults.HpaNamePrefix + Metadata.Name;

    /// <summary>KEDA's <c>IsUsingModifiers</c>: any scalingModifiers field set.</summary>
    public bool IsUsingModifiers() =>
        Spec.Advanced?.ScalingModifiers is { } sm
        && (!string.IsNullOrEmpty(sm.Formula) || !string.IsNullOrEmpty(sm.Target)
            || !string.IsNullOrEmpty(sm.ActivationTarget) || !string.IsNullOrEmpty(sm.MetricType));

    /// <summary>The target's GVK string with KEDA's defaults applied, e.g. <c>apps/v1.Deployment</c>.</summary>
    public string GetTargetGvkString() =>
        GroupVersionKindResourceParser.GvkString(Spec.ScaleTargetRef.ApiVersion, Spec.ScaleTargetRef.Kind);
}
