namespace Operator.Scaling.Status;

/// <summary>Condition types on a ScaledObject (<c>apis/keda/v1alpha1/condition_types.go</c>).</summary>
public static class ConditionTypes
{
    public const string Ready = "Ready";
    public const string Active = "Active";
    public const string Fallback = "Fallback";
    public const string Paused = "Paused";

    /// <summary>Added lazily by the scale loop once the HPA reports <c>ScalingActive</c> (KEDA 2.20.2+).</summary>
    public const string HpaActive = "HPAActive";
}
