using k8s.Models;
using Operator.Api;
using Operator.Scaling.Direct;
using Operator.Scaling.Status;

namespace Operator.Tests.Scaling.Direct;

public sealed class DirectConditionsTests
{
    [Fact]
    public void With_AddsTheHpaConditionsNextToKedasOwn_WithoutTouchingTheInput()
    {
        var status = new ScaledObjectStatus { Conditions = ScaledObjectConditions.CreateInitial() };

        var updated = DirectConditions.With(status, [Hpa("ScalingActive", "True", "ValidMetricFound"), Hpa("AbleToScale", "True", "SucceededRescale")]);

        Assert.Equal(["Ready", "Active", "Fallback", "Paused", "ScalingActive", "AbleToScale"], updated.Conditions!.Select(c => c.Type));
        Assert.Equal("ValidMetricFound", updated.Conditions!.Single(c => c.Type == "ScalingActive").Reason);
        Assert.Equal(4, status.Conditions.Count);
    }

    [Fact]
    public void With_TheSameConditions_ReturnsTheSameStatus_SoNothingIsWritten()
    {
        var status = DirectConditions.With(new ScaledObjectStatus { Conditions = ScaledObjectConditions.CreateInitial() }, [Hpa("ScalingLimited", "False", "DesiredWithinRange")]);

        Assert.Same(status, DirectConditions.With(status, [Hpa("ScalingLimited", "False", "DesiredWithinRange")]));
    }

    [Fact]
    public void With_IgnoresConditionTypesThatAreNotTheHpas()
    {
        var status = new ScaledObjectStatus { Conditions = ScaledObjectConditions.CreateInitial() };

        Assert.Same(status, DirectConditions.With(status, [Hpa("Ready", "False", "Nope")]));
    }

    [Fact]
    public void Without_DropsTheHpaConditions_LeftFromDirectMode()
    {
        var direct = DirectConditions.With(new ScaledObjectStatus { Conditions = ScaledObjectConditions.CreateInitial() },
            [Hpa("AbleToScale", "True", "ReadyForNewScale"), Hpa("ScalingActive", "True", "ValidMetricFound")]);

        var hpaMode = DirectConditions.Without(direct);

        Assert.Equal(["Ready", "Active", "Fallback", "Paused"], hpaMode.Conditions!.Select(c => c.Type));
        Assert.Same(hpaMode, DirectConditions.Without(hpaMode));
    }

    [Fact]
    public void Of_ReadsTheHpaConditionsBack_AsTheNeverWrittenHpasStatus()
    {
        var status = DirectConditions.With(new ScaledObjectStatus { Conditions = ScaledObjectConditions.CreateInitial() },
            [Hpa("ScalingActive", "False", "FailedGetExternalMetric")]);

        var condition = Assert.Single(DirectConditions.Of(status));

        Assert.Equal(("ScalingActive", "False", "FailedGetExternalMetric"), (condition.Type, condition.Status, condition.Reason));
    }

    private static V2HorizontalPodAutoscalerCondition Hpa(string type, string status, string reason) =>
        new() { Type = type, Status = status, Reason = reason, Message = reason + " message" };
}
