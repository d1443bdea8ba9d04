namespace Operator.Scaling.Fallbacks;

/// <summary>Values of <c>spec.fallback.behavior</c>.</summary>
public static class FallbackBehaviors
{
    public const string Static = "static";
    public const string CurrentReplicas = "currentReplicas";
    public const string CurrentReplicasIfHigher = "currentReplicasIfHigher";
    public const string CurrentReplicasIfLower = "currentReplicasIfLower";
    public const string ScalingModifiers = "scalingModifiers";
}
