using Microsoft.Extensions.Time.Testing;
using Operator.Api;
using Operator.Scaling;
using Operator.Scaling.Executor;
using Operator.Scaling.Status;
using static Operator.Tests.Scaling.Executor.ScaleRequests;

namespace Operator.Tests.Scaling.Executor;

// Reproduces kedacore/keda pkg/scaling/executor/scale_scaledobjects_test.go plus the cooldown rules of §3.3.
public class ScaleDeciderTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);

    private ScaleDecider Decider => new(_time);

    [Fact]
    public void Inactive_MinZero_NeverActive_ScalesToZero()
    {
        var decision = Decider.Decide(Request(NewScaledObject(min: 0), current: 10, active: false));

        Assert.Equal(ScaleAction.ScaleToZeroOrIdle, decision.Action);
        Assert.Equal(0, decision.TargetReplicas);
        Assert.True(ScaledObjectConditions.IsFalse(Cond(decision.OnSuccess, ConditionTypes.Active)));
    }

    [Fact]
    public void Inactive_BelowMin_WithoutIdle_SetsMinWithoutEvent()
    {
        var decision = Decider.Decide(Request(NewScaledObject(min: 5), current: 1, active: false));

        Assert.Equal(ScaleAction.EnforceMinReplicas, decision.Action);
        Assert.Equal(5, decision.TargetReplicas);
        Assert.Empty(decision.OnSuccess.Events);
        Assert.True(ScaledObjectConditions.IsFalse(Cond(decision.OnSuccess, ConditionTypes.Active)));
    }

    [Fact]
    public void Active_AtZero_MinZero_ScalesToOne_AndRefreshesLastActiveTime()
    {
        var decision = Decider.Decide(Request(NewScaledObject(min: 0), current: 0, active: true, triggers: "s0-prometheus"));

        Assert.Equal(ScaleAction.ScaleFromZeroOrIdle, decision.Action);
        Assert.Equal(1, decision.TargetReplicas);
        var active = Cond(decision.OnSuccess, ConditionTypes.Active);
        Assert.Equal(ConditionStatuses.True, active.Status);
        Assert.Equal("ScalerActive", active.Reason);
        Assert.Equal("Scaling is performed because triggers are active", active.Message);
        Assert.True(decision.OnSuccess.LastActiveTimeRefreshed);
        Assert.Equal(Start.UtcDateTime, decision.OnSuccess.LastActiveTime);
    }

    [Fact]
    public void Inactive_IdleMode_AboveIdle_ScalesToIdle()
    {
        var decision = Decider.Decide(Request(NewScaledObject(min: 5, idle: 0), current: 10, active: false));

        Assert.Equal(ScaleAction.ScaleToZeroOrIdle, decision.Action);
        Assert.Equal(0, decision.TargetReplicas);
        Assert.True(ScaledObjectConditions.IsFalse(Cond(decision.OnSuccess, ConditionTypes.Active)));
    }

    [Fact]
    public void Active_IdleMode_AtIdle_ScalesToMin()
    {
        var decision = Decider.Decide(Request(NewScaledObject(min: 5, idle: 0), current: 0, active: true));

        Assert.Equal(5, decision.TargetReplicas);
        Assert.Equal("ScalerActive", Cond(decision.OnSuccess, ConditionTypes.Active).Reason);
        Assert.NotNull(decision.OnSuccess.LastActiveTime);
    }

    [Fact]
    public void PausedReplicas_PinsTheTargetAtThatCount_RecordsIt_PausedTrue_ActiveUntouched()
    {
        var so = NewScaledObject(annotations: (ScaledObjectAnnotations.PausedReplicas, "0"));

        var decision = Decider.Decide(Request(so, current: 2, active: true));

        Assert.Equal((ScaleAction.ScaleToPausedReplicas, 0), (decision.Action, decision.TargetReplicas));
        Assert.Equal(0, decision.OnSuccess.PausedReplicaCount);
        Assert.Null(decision.OnFailure.PausedReplicaCount);
        var paused = Cond(decision.OnSuccess, ConditionTypes.Paused);
        Assert.Equal((ConditionStatuses.True, "ScaledObjectPaused", "ScaledObject is paused"), (paused.Status, paused.Reason, paused.Message));
        Assert.False(ScaledObjectConditions.IsTrue(Cond(decision.OnSuccess, ConditionTypes.Active)));
    }

    [Fact]
    public void PausedReplicas_AlreadyAtThatCount_WritesNothing()
    {
        var so = NewScaledObject(annotations: (ScaledObjectAnnotations.PausedReplicas, "2"));

        var decision = Decider.Decide(Request(so, current: 2, active: false));

        Assert.Equal((ScaleAction.None, (int?)null, 2), (decision.Action, decision.TargetReplicas, decision.OnSuccess.PausedReplicaCount));
    }

    [Fact]
    public void ActivationEvent_NamesTriggers_WithKedaDoubleSpaceForEmptyKind()
    {
        var decision = Decider.Decide(Request(NewScaledObject(min: 5, idle: 0), current: 2, active: true, triggers: "testTrigger"));

        Assert.Equal(
            "Normal KEDAScaleTargetActivated Scaled  namespace/name from 2 to 5, triggered by testTrigger",
            Assert.Single(decision.OnSuccess.Events).ToString());
    }

    [Fact]
    public void ActivationEvent_JoinsTriggersWithSemicolon_AndUsesScaleTargetKind()
    {
        var so = NewScaledObject(min: 0);
        so.Status!.ScaleTargetKind = "apps/v1.Deployment";

        var decision = Decider.Decide(Request(so, current: 0, active: true, triggers: ["s0-prometheus", "s1-kafka-orders"]));

        Assert.Equal(
            "Scaled apps/v1.Deployment namespace/name from 0 to 1, triggered by s0-prometheus;s1-kafka-orders",
            Assert.Single(decision.OnSuccess.Events).Message);
    }

    [Fact]
    public void ActivationFailure_EmitsWarningWithKedaWording_AndKeepsLastActiveTime()
    {
        var decision = Decider.Decide(Request(NewScaledObject(min: 0), current: 0, active: true));

        var failed = Assert.Single(decision.OnFailure.Events);
        Assert.Equal("Warning KEDAScaleTargetActivationFailed Failed to scaled  namespace/name from 0 to 1", failed.ToString());
        Assert.False(decision.OnFailure.LastActiveTimeRefreshed);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(5, 0)]
    public void PausedScaleIn_Inactive_DoesNotScaleIn(int min, int? idle)
    {
        var so = NewScaledObject(min: min, idle: idle, annotations: (ScaledObjectAnnotations.PausedScaleIn, "true"));

        var decision = Decider.Decide(Request(so, current: 10, active: false));

        Assert.Equal(ScaleAction.None, decision.Action);
        Assert.True(ScaledObjectConditions.IsFalse(Cond(decision.OnSuccess, ConditionTypes.Active)));
    }

    [Fact]
    public void ForceActivation_Inactive_ScalesFromZero_WithForcedMessages()
    {
        var so = NewScaledObject(min: 0, annotations: (ScaledObjectAnnotations.ForceActivation, "true"));

        var decision = Decider.Decide(Request(so, current: 0, active: false));

        Assert.Equal(1, decision.TargetReplicas);
        var active = Cond(decision.OnSuccess, ConditionTypes.Active);
        Assert.Equal(ConditionStatuses.True, active.Status);
        Assert.Equal("ScalerActive", active.Reason);
        Assert.Equal("Scaling is performed because activation is being forced by annotation", active.Message);
        Assert.NotNull(decision.OnSuccess.LastActiveTime);
        Assert.EndsWith("from 0 to 1, caused by forced activation annotation", Assert.Single(decision.OnSuccess.Events).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, null, 10)]
    [InlineData(5, 0, 10)]
    public void PausedScaleOut_Active_DoesNotScaleOut_ButIsActive(int min, int? idle, int? max)
    {
        var so = NewScaledObject(min: min, idle: idle, max: max, annotations: (ScaledObjectAnnotations.PausedScaleOut, "true"));

        var decision = Decider.Decide(Request(so, current: 0, active: true));

        Assert.Equal(ScaleAction.None, decision.Action);
        Assert.True(ScaledObjectConditions.IsTrue(Cond(decision.OnSuccess, ConditionTypes.Active)));
        Assert.Empty(decision.OnSuccess.Events);
    }

    [Fact]
    public void AllHealthy_ReadyTrue()
    {
        var decision = Decider.Decide(Request(NewScaledObject(min: 1), current: 1, active: true));

        var ready = Cond(decision.OnSuccess, ConditionTypes.Ready);
        Assert.Equal((ConditionStatuses.True, "ScaledObjectReady"), (ready.Status, ready.Reason));
        Assert.True(decision.OnSuccess.LastActiveTimeRefreshed);
    }

    [Fact]
    public void InactiveWithError_NoFallback_ReadyFalseTriggerError()
    {
        var decision = Decider.Decide(Request(NewScaledObject(min: 1), current: 1, active: false, error: true));

        var ready = Cond(decision.OnSuccess, ConditionTypes.Ready);
        Assert.Equal((ConditionStatuses.False, "TriggerError", "Triggers defined in ScaledObject are not working correctly"), (ready.Status, ready.Reason, ready.Message));
    }

    [Fact]
    public void ActiveWithError_ReadyUnknownPartialTriggerError_LastActiveTimeNotRefreshed()
    {
        var decision = Decider.Decide(Request(NewScaledObject(min: 1), current: 1, active: true, error: true));

        var ready = Cond(decision.OnSuccess, ConditionTypes.Ready);
        Assert.Equal((ConditionStatuses.Unknown, "PartialTriggerError"), (ready.Status, ready.Reason));
        Assert.False(decision.OnSuccess.LastActiveTimeRefreshed);
    }

    [Fact]
    public void InactiveWithError_FallbackConfigured_ReadyTrue_AndDoesNotScaleToZero()
    {
        var so = NewScaledObject(min: 0);
        so.Spec.Fallback = new Fallback { FailureThreshold = 3, Replicas = 5 };

        var decision = Decider.Decide(Request(so, current: 3, active: false, error: true));

        Assert.Equal(ScaleAction.None, decision.Action);
        Assert.True(ScaledObjectConditions.IsTrue(Cond(decision.OnSuccess, ConditionTypes.Ready)));
    }

    [Fact]
    public void InactiveWithError_FallbackReplicasZero_StillScalesToZero()
    {
        var so = NewScaledObject(min: 0);
        so.Spec.Fallback = new Fallback { FailureThreshold = 3, Replicas = 0 };

        var decision = Decider.Decide(Request(so, current: 3, active: false, error: true));

        Assert.Equal(ScaleAction.ScaleToZeroOrIdle, decision.Action);
    }
}
