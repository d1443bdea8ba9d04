namespace Operator.Scaling.Status;

/// <summary>Condition reasons KEDA writes on a ScaledObject.</summary>
public static class ConditionReasons
{
    public const string ScaledObjectReady = "ScaledObjectReady";
    public const string ScaledObjectCheckFailed = "ScaledObjectCheckFailed";
    public const string ErrorGettingCurrentReplicas = "ErrorGettingCurrentReplicas";
    public const string PartialTriggerError = "PartialTriggerError";
    public const string TriggerError = "TriggerError";
    public const string ScalerActive = "ScalerActive";
    public const string ScalerNotActive = "ScalerNotActive";
    public const string ScalerCooldown = "ScalerCooldown";
    public const string UnknownState = "UnknownState";
    public const string FallbackExists = "FallbackExists";
    public const string NoFallbackFound = "NoFallbackFound";
    public const string ScaledObjectPaused = "ScaledObjectPaused";
    public const string ScaledObjectUnpaused = "ScaledObjectUnpaused";
    public const string HpaActive = "HPAActive";
    public const string HpaScalingDisabled = "ScalingDisabled";
    public const string HpaMetricsUnavailable = "HPAMetricsUnavailable";
}
