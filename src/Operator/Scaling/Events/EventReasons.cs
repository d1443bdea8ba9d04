namespace Operator.Scaling.Events;

/// <summary>Event reasons KEDA emits for ScaledObjects (<c>pkg/eventreason/eventreason.go</c>).</summary>
public static class EventReasons
{
    public const string ScaledObjectReady = "ScaledObjectReady";
    public const string ScaledObjectCheckFailed = "ScaledObjectCheckFailed";
    public const string ScaledObjectUpdateFailed = "ScaledObjectUpdateFailed";
    public const string ScaledObjectDeleted = "ScaledObjectDeleted";
    public const string ScaledObjectPaused = "ScaledObjectPaused";
    public const string ScaledObjectUnpaused = "ScaledObjectUnpaused";
    public const string ScaledObjectFallbackActivated = "ScaledObjectFallbackActivated";
    public const string ScaledObjectFallbackDeactivated = "ScaledObjectFallbackDeactivated";
    public const string KedaScalersStarted = "KEDAScalersStarted";
    public const string KedaScalersStopped = "KEDAScalersStopped";
    public const string KedaScalerFailed = "KEDAScalerFailed";
    public const string KedaMetricSourceFailed = "KEDAMetricSourceFailed";
    public const string KedaScaleTargetActivated = "KEDAScaleTargetActivated";
    public const string KedaScaleTargetDeactivated = "KEDAScaleTargetDeactivated";
    public const string KedaScaleTargetActivationFailed = "KEDAScaleTargetActivationFailed";
    public const string KedaScaleTargetDeactivationFailed = "KEDAScaleTargetDeactivationFailed";

    /// <summary>KEDA's constant is named <c>KEDAScalersInfo</c> but its value is <c>KEDAScalerInfo</c>.</summary>
    public const string KedaScalerInfo = "KEDAScalerInfo";
}
