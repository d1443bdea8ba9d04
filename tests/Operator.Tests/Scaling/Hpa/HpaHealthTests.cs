using k8s.Models;
using Operator.Api;
using Operator.Scaling;
using Operator.Scaling.Hpa;
using Operator.Scaling.Status;

namespace Operator.Tests.Scaling.Hpa;

// Reproduces the getHPAHealth/checkHPAHealth cases of kedacore/keda scale_scaledobjects_test.go.
public class HpaHealthTests
{
    private static V2HorizontalPodAutoscaler Hpa(params V2HorizontalPodAutoscalerCondition[] conditions) =>
        new() { Status = new V2HorizontalPodAutoscalerStatus { Conditions = conditions } };

    [Fact]
    public void NotRead_CannotBeObserved() => Assert.Null(HpaHealth.Evaluate(null));

    [Fact]
    public void NoScalingActiveConditionYet_CannotBeObserved() =>
        Assert.Null(HpaHealth.Evaluate(Hpa(new V2HorizontalPodAutoscalerCondition { Type = "AbleToScale", Status = "True" })));

    [Fact]
    public void ScalingActiveTrue_IsHpaActive_PassingTheHpaMessageThrough()
    {
        var condition = HpaHealth.Evaluate(Hpa(new V2HorizontalPodAutoscalerCondition { Type = "ScalingActive", Status = "True" }))!;

        Assert.Equal(("HPAActive", "True", "HPAActive", ""), (condition.Type, condition.Status, condition.Reason, condition.Message));
    }

    [Fact]
    public void ScalingActiveFalse_IsMetricsUnavailable_KeepingReasonAndMessage()
    {
        var condition = HpaHealth.Evaluate(Hpa(new V2HorizontalPodAutoscalerCondition
        {
            Type = "ScalingActive",
            Status = "False",
            Reason = "FailedGetExternalMetric",
            Message = "unable to get metrics",
        }))!;

        Assert.Equal(("False", "HPAMetricsUnavailable", "FailedGetExternalMetric: unable to get metrics"), (condition.Status, condition.Reason, condition.Message));
    }

    [Fact]
    public void ScalingActiveFalse_WithoutMessage_UsesTheHpaReasonAlone() =>
        Assert.Equal("FailedGetExternalMetric", HpaHealth.Evaluate(Hpa(new V2HorizontalPodAutoscalerCondition
        {
            Type = "ScalingActive",
            Status = "False",
            Reason = "FailedGetExternalMetric",
        }))!.Message);

    [Fact]
    public void ScalingDisabled_IsHealthy_WithDistinctReason()
    {
        var condition = HpaHealth.Evaluate(Hpa(new V2HorizontalPodAutoscalerCondition
        {
            Type = "ScalingActive",
            Status = "False",
            Reason = "ScalingDisabled",
            Message = "scaling is disabled since the replica count of the target is zero",
        }))!;

        Assert.Equal(("True", "ScalingDisabled", "scaling is disabled since the replica count of the target is zero"), (condition.Status, condition.Reason, condition.Message));
    }

    [Fact]
    public void Apply_CannotObserve_LeavesPreviousHpaActiveUntouched()
    {
        var status = new ScaledObjectStatus { Conditions = ScaledObjectConditions.CreateInitial() };
        ScaledObjectConditions.SetFalse(status, ConditionTypes.HpaActive, ConditionReasons.HpaMetricsUnavailable, "FailedGetExternalMetric: metrics not available");

        Assert.False(HpaHealth.Apply(status, null));
        Assert.Equal("FailedGetExternalMetric: metrics not available", ScaledObjectConditions.Find(status.Conditions, ConditionTypes.HpaActive)!.Message);
    }

    [Fact]
    public void Apply_Unhealthy_DoesNotTouchReady()
    {
        var status = new ScaledObjectStatus { Conditions = ScaledObjectConditions.CreateInitial() };
        ScaledObjectConditions.SetTrue(status, ConditionTypes.Ready, ConditionReasons.ScaledObjectReady, ConditionMessages.ReadySuccess);

        HpaHealth.Apply(status, Hpa(new V2HorizontalPodAutoscalerCondition { Type = "ScalingActive", Status = "False", Reason = "FailedGetExternalMetric" }));

        Assert.True(ScaledObjectConditions.IsTrue(ScaledObjectConditions.Find(status.Conditions, ConditionTypes.Ready)));
        Assert.True(ScaledObjectConditions.IsFalse(ScaledObjectConditions.Find(status.Conditions, ConditionTypes.HpaActive)));
    }
}
