using k8s.Models;

namespace Kubernetes.Controller.Autoscaling;

/// <summary>
/// Fills unset behavior fields the way the API server defaults autoscaling/v2 (SetDefaults_HorizontalPodAutoscalerBehavior).
/// The scale-down stabilization window stays null here; the controller substitutes its own flag value.
/// </summary>
public static class HpaBehaviors
{
    public static V2HPAScalingRules ScaleUpRules(V2HPAScalingRules? rules) => new()
    {
        StabilizationWindowSeconds = rules?.StabilizationWindowSeconds ?? HpaDefaults.ScaleUpStabilizationWindowSeconds,
        SelectPolicy = rules?.SelectPolicy ?? HpaDefaults.SelectPolicyMax,
        Policies = rules?.Policies is { Count: > 0 } policies
            ? policies
            :
            [
                new V2HPAScalingPolicy { PeriodSeconds = HpaDefaults.PolicyPeriodSeconds, Type = HpaDefaults.PolicyTypePods, Value = HpaDefaults.ScaleUpPodsValue },
                new V2HPAScalingPolicy { PeriodSeconds = HpaDefaults.PolicyPeriodSeconds, Type = HpaDefaults.PolicyTypePercent, Value = HpaDefaults.ScaleUpPercentValue },
            ],
        Tolerance = rules?.Tolerance,
    };

    public static V2HPAScalingRules ScaleDownRules(V2HPAScalingRules? rules, TimeSpan controllerWindow) => new()
    {
        StabilizationWindowSeconds = rules?.StabilizationWindowSeconds ?? (int)controllerWindow.TotalSeconds,
        SelectPolicy = rules?.SelectPolicy ?? HpaDefaults.SelectPolicyMax,
        Policies = rules?.Policies is { Count: > 0 } policies
            ? policies
            : [new V2HPAScalingPolicy { PeriodSeconds = HpaDefaults.PolicyPeriodSeconds, Type = HpaDefaults.PolicyTypePercent, Value = HpaDefaults.ScaleDownPercentValue }],
        Tolerance = rules?.Tolerance,
    };
}
