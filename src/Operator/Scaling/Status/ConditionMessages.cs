namespace Operator.Scaling.Status;

/// <summary>Condition messages KEDA writes on a ScaledObject, verbatim.</summary>
public static class ConditionMessages
{
    public const string ReadySuccess = "ScaledObject is defined correctly and is ready for scaling";
    public const string PartialTriggerError = "Some triggers defined in ScaledObject are not working correctly";
    public const string TriggerError = "Triggers defined in ScaledObject are not working correctly";
    public const string ScalerActive = "Scaling is performed because triggers are active";
    public const string ScalerActiveForced = "Scaling is performed because activation is being forced by annotation";
    public const string ScalerNotActive = "Scaling is not performed because triggers are not active";
    public const string ScalerCooldown = "Scaler cooling down because triggers are not active";
    public const string UnknownState = "ScaledObject check failed";
    public const string FallbackExists = "At least one trigger is falling back on this scaled object";
    public const string NoFallbackFound = "No fallbacks are active on this scaled object";
    public const string Paused = "ScaledObject is paused";
    public const string Unpaused = "pause annotation removed for ScaledObject";

    /// <summary>Prefix of Ready=False/ErrorGettingCurrentReplicas; the error follows.</summary>
    public const string ErrorGettingCurrentReplicasPrefix = "Error getting current replicas count for ScaleTarget: ";
}
