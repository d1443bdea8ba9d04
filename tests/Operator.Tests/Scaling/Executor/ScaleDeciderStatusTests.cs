using Microsoft.Extensions.Time.Testing;
using Operator.Api;
using Operator.Scaling;
using Operator.Scaling.Executor;
using Operator.Scaling.Status;
using static Operator.Tests.Scaling.Executor.ScaleRequests;

namespace Operator.Tests.Scaling.Executor;

// Cooldowns, lastActiveTime and triggersActivity of KEDA's RequestScale (§3.3).
public class ScaleDeciderStatusTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);

    private ScaleDecider Decider => new(_time);

    [Fact]
    public void Inactive_WithinCooldown_ReportsScalerCooldown_AndKeepsReplicas()
    {
        var so = NewScaledObject(min: 0);
        so.Spec.CooldownPeriod = 60;
        so.Status!.LastActiveTime = Start.UtcDateTime;
        _time.Advance(TimeSpan.FromSeconds(60));

        var decision = Decider.Decide(Request(so, current: 2, active: false));

        Assert.Equal(ScaleAction.None, decision.Action);
        var active = Cond(decision.OnSuccess, ConditionTypes.Active);
        Assert.Equal((ConditionStatuses.False, "ScalerCooldown", "Scaler cooling down because triggers are not active"), (active.Status, active.Reason, active.Message));
    }

    [Fact]
    public void Inactive_AfterCooldown_ScalesToZero_WithDeactivationEvent()
    {
        var so = NewScaledObject(min: 0);
        so.Spec.CooldownPeriod = 60;
        so.Status!.LastActiveTime = Start.UtcDateTime;
        so.Status.ScaleTargetKind = "apps/v1.Deployment";
        _time.Advance(TimeSpan.FromSeconds(61));

        var decision = Decider.Decide(Request(so, current: 2, active: false));

        Assert.Equal(0, decision.TargetReplicas);
        Assert.Equal("Normal KEDAScaleTargetDeactivated Deactivated apps/v1.Deployment namespace/name from 2 to 0", Assert.Single(decision.OnSuccess.Events).ToString());
        Assert.Equal("Warning KEDAScaleTargetDeactivationFailed Failed to deactivate apps/v1.Deployment namespace/name from 2 to 0", Assert.Single(decision.OnFailure.Events).ToString());
    }

    [Fact]
    public void Inactive_DefaultCooldown_Is300Seconds()
    {
        var so = NewScaledObject(min: 0);
        so.Status!.LastActiveTime = Start.UtcDateTime;
        _time.Advance(TimeSpan.FromSeconds(299));
        Assert.Equal(ScaleAction.None, Decider.Decide(Request(so, current: 1, active: false)).Action);

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(ScaleAction.ScaleToZeroOrIdle, Decider.Decide(Request(so, current: 1, active: false)).Action);
    }

    [Fact]
    public void NeverActive_InitialCooldown_CountsFromCreationTimestamp()
    {
        var so = NewScaledObject(min: 0);
        so.Spec.InitialCooldownPeriod = 120;
        so.Metadata.CreationTimestamp = Start.UtcDateTime;
        _time.Advance(TimeSpan.FromSeconds(100));
        Assert.Equal(ScaleAction.None, Decider.Decide(Request(so, current: 1, active: false)).Action);

        _time.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal(ScaleAction.ScaleToZeroOrIdle, Decider.Decide(Request(so, current: 1, active: false)).Action);
    }

    [Fact]
    public void NeverActive_NoCreationTimestamp_WithInitialCooldown_Waits()
    {
        var so = NewScaledObject(min: 0);
        so.Spec.InitialCooldownPeriod = 30;

        Assert.Equal(ScaleAction.None, Decider.Decide(Request(so, current: 1, active: false)).Action);
    }

    [Fact]
    public void ScalerCooldownReason_SurvivesOnceAtZero_LikeKeda()
    {
        var so = NewScaledObject(min: 0);
        ScaledObjectConditions.SetFalse(so.Status!, ConditionTypes.Active, ConditionReasons.ScalerCooldown, ConditionMessages.ScalerCooldown);

        var decision = Decider.Decide(Request(so, current: 0, active: false));

        Assert.Equal("ScalerCooldown", Cond(decision.OnSuccess, ConditionTypes.Active).Reason);
    }

    [Fact]
    public void LastActiveTime_IsStoredWithSecondPrecision()
    {
        _time.Advance(TimeSpan.FromMilliseconds(1500));

        var decision = Decider.Decide(Request(NewScaledObject(min: 1), current: 1, active: true));

        Assert.Equal(Start.UtcDateTime.AddSeconds(1), decision.OnSuccess.LastActiveTime);
    }

    [Fact]
    public void TriggersActivity_CoversExternalMetricNames_AndDropsStaleEntries()
    {
        var so = NewScaledObject(min: 1);
        so.Status!.ExternalMetricNames = ["s0-prometheus", "s1-cron"];
        so.Status.TriggersActivity = new() { ["old"] = new TriggerActivityStatus { IsActive = true } };

        var outcome = Decider.Decide(Request(so, current: 1, active: true, triggers: "s1-cron")).OnSuccess;

        Assert.Equal(new Dictionary<string, bool> { ["s0-prometheus"] = false, ["s1-cron"] = true }, outcome.TriggersActivity);
    }

    [Fact]
    public void TriggersActivity_Unchanged_IsNull()
    {
        var so = NewScaledObject(min: 1);
        so.Status!.ExternalMetricNames = ["s0-prometheus"];
        so.Status.TriggersActivity = new() { ["s0-prometheus"] = new TriggerActivityStatus { IsActive = true } };

        Assert.Null(Decider.Decide(Request(so, current: 1, active: true, triggers: "s0-prometheus")).OnSuccess.TriggersActivity);
    }

    [Fact]
    public void CurrentReplicasUnavailable_ReadyFalseWithError()
    {
        var outcome = ScaleDecider.CurrentReplicasUnavailable(NewScaledObject(), "deployments.apps \"name\" not found");

        var ready = Cond(outcome, ConditionTypes.Ready);
        Assert.Equal(ConditionStatuses.False, ready.Status);
        Assert.Equal("ErrorGettingCurrentReplicas", ready.Reason);
        Assert.Equal("Error getting current replicas count for ScaleTarget: deployments.apps \"name\" not found", ready.Message);
    }

    [Fact]
    public void ApplyTo_WritesConditionsLastActiveTimeAndActivity()
    {
        var so = NewScaledObject(min: 0);
        so.Status!.ExternalMetricNames = ["s0-prometheus"];
        var decision = Decider.Decide(Request(so, current: 0, active: true, triggers: "s0-prometheus"));

        decision.For(scaleSucceeded: true).ApplyTo(so.Status);

        Assert.Equal(Start.UtcDateTime, so.Status.LastActiveTime);
        Assert.True(so.Status.TriggersActivity!["s0-prometheus"].IsActive);
        Assert.True(ScaledObjectConditions.IsTrue(ScaledObjectConditions.Find(so.Status.Conditions, ConditionTypes.Active)));
    }
}
