using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using Operator.Api;
using Operator.Scalers;
using Operator.Scaling;
using Operator.Scaling.Executor;
using Operator.Scaling.Modifiers;
using Operator.Scaling.Status;

namespace Operator.Tests.Scaling;

public class ScalePollStepTests
{
    private const string Metric = "s0-prometheus";
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);

    private ScalePollStep Step => new(_time);

    private static ScaledObject NewScaledObject(Fallback? fallback = null, ScalingModifiers? modifiers = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "orders", NamespaceProperty = "shop" },
        Spec = new ScaledObjectSpec
        {
            ScaleTargetRef = new ScaleTarget { Name = "processor" },
            MinReplicaCount = 0,
            CooldownPeriod = 60,
            Fallback = fallback,
            Advanced = modifiers is null ? null : new AdvancedConfig { ScalingModifiers = modifiers },
            Triggers = [new ScaleTrigger { Type = "prometheus", Name = "a" }],
        },
        Status = new ScaledObjectStatus
        {
            ScaleTargetKind = "apps/v1.Deployment",
            ExternalMetricNames = [Metric],
            Conditions = ScaledObjectConditions.CreateInitial(),
        },
    };

    private static V2MetricSpec Spec() => new()
    {
        Type = "External",
        External = new V2ExternalMetricSource
        {
            Metric = new V2MetricIdentifier { Name = Metric },
            Target = new V2MetricTarget { Type = "AverageValue", AverageValue = new ResourceQuantity("10") },
        },
    };

    private static TriggerPoll Value(double value, bool active) =>
        new(0, "prometheus", "a", Spec(), ScalerResult.Success(new MetricValue(Metric, value), active));

    private static TriggerPoll Failure(string error) => new(0, "prometheus", "a", Spec(), ScalerResult.Failure(error));

    private static ScalePollInput Input(ScaledObject so, int? current, params TriggerPoll[] triggers) =>
        new() { ScaledObject = so, CurrentReplicas = current, Triggers = triggers };

    [Fact]
    public void Poll_LeavesTheScaledObjectItWasHandedUntouched()
    {
        var so = NewScaledObject(new Fallback { FailureThreshold = 0, Replicas = 3 });
        var before = KedaJson.Serialize(so);

        var result = Step.Poll(Input(so, 2, Failure("connection refused")));

        Assert.Equal(before, KedaJson.Serialize(so));
        Assert.NotNull(result.OnSuccess.Status.Health);
    }

    [Fact]
    public void Poll_ActiveAtZero_ScalesToOne_AndReturnsTheRefreshedLastActiveTime()
    {
        var result = Step.Poll(Input(NewScaledObject(), 0, Value(35, active: true)));

        Assert.Equal((ScaleRule.Activate, 1), (result.Rule, result.TargetReplicas));
        Assert.Equal(Start.UtcDateTime, result.OnSuccess.Status.LastActiveTime);
        Assert.True(result.OnSuccess.Status.TriggersActivity![Metric].IsActive);
        Assert.Equal("Normal KEDAScaleTargetActivated Scaled apps/v1.Deployment shop/processor from 0 to 1, triggered by s0-prometheus",
            Assert.Single(result.OnSuccess.Events).ToString());
        Assert.Null(result.OnFailure.Status.LastActiveTime);
    }

    [Fact]
    public void Poll_ScalerFailureBeyondThreshold_SetsHealthFallbackConditionAndEvents()
    {
        var so = NewScaledObject(new Fallback { FailureThreshold = 1, Replicas = 3 });
        so.Status!.Health = new() { [Metric] = new HealthStatus { NumberOfFailures = 1, Status = "Failing" } };

        var result = Step.Poll(Input(so, 2, Failure("connection refused")));

        var status = result.OnSuccess.Status;
        Assert.Equal(2, status.Health![Metric].NumberOfFailures);
        var fallback = ScaledObjectConditions.Find(status.Conditions, ConditionTypes.Fallback)!;
        Assert.Equal((ConditionStatuses.True, "FallbackExists"), (fallback.Status, fallback.Reason));
        Assert.Equal(
            ["Warning KEDAScalerFailed connection refused", "Normal ScaledObjectFallbackActivated ScaledObject fallback is active"],
            result.OnSuccess.Events.Select(e => e.ToString()));
        Assert.True(result.Triggers[0].IsActive);
    }

    [Fact]
    public void Poll_ModifiersSeeThisPollsHealth_SoAFreshlyFailingTriggerIsNil()
    {
        // Before this poll the trigger failed exactly failureThreshold times; this failure crosses it, so the formula
        // must already see nil (-1 would be read from the stale status) and take the "??" alternative.
        var so = NewScaledObject(
            new Fallback { FailureThreshold = 3, Replicas = 2, Behavior = "scalingModifiers" },
            new ScalingModifiers { Formula = "a ?? 5", Target = "2" });
        so.Status!.Health = new() { [Metric] = new HealthStatus { NumberOfFailures = 3, Status = "Failing" } };
        var formula = ScalingModifiersValidator.ValidateAndCompile(so, out var error);
        Assert.Null(error);

        var result = Step.Poll(Input(so, 0, Failure("down")) with { Formula = formula });

        Assert.True(result.Activity.IsActive);
        Assert.Equal(ScaleRule.Activate, result.Rule);
    }

    [Fact]
    public void Poll_FormulaThatCannotRun_IsAnErroredPoll_NotASilentlyInactiveOne()
    {
        var so = NewScaledObject(modifiers: new ScalingModifiers { Formula = "a * 2", Target = "2" });

        var result = Step.Poll(Input(so, 1, Value(35, active: true)));

        Assert.True(result.Activity.IsError);
        Assert.Equal("cached compiled formula is nil during its calculation", result.Activity.Error);
        var ready = ScaledObjectConditions.Find(result.OnSuccess.Status.Conditions, ConditionTypes.Ready)!;
        Assert.Equal((ConditionStatuses.False, "TriggerError"), (ready.Status, ready.Reason));
        Assert.Null(result.TargetReplicas);
    }

    [Fact]
    public void Poll_CurrentReplicasUnreadable_ReportsReadyFalse_AndWritesNothing()
    {
        var result = Step.Poll(Input(NewScaledObject(), null, Value(35, active: true)) with { CurrentReplicasError = "deployments.apps \"processor\" not found" });

        Assert.Null(result.TargetReplicas);
        var ready = ScaledObjectConditions.Find(result.OnSuccess.Status.Conditions, ConditionTypes.Ready)!;
        Assert.Equal(("ErrorGettingCurrentReplicas", "Error getting current replicas count for ScaleTarget: deployments.apps \"processor\" not found"),
            (ready.Reason, ready.Message));
    }

    [Fact]
    public void Poll_SameInputsAgainstItsOwnStatus_ReportsNoStatusChange()
    {
        var so = NewScaledObject();
        var first = Step.Poll(Input(so, 0, Value(0, active: false)));
        Assert.True(first.OnSuccess.StatusChanged);
        so.Status = first.OnSuccess.Status;

        var second = Step.Poll(Input(so, 0, Value(0, active: false)));

        Assert.False(second.OnSuccess.StatusChanged);
        Assert.Equal(ScaleRule.Inactive, second.Rule);
    }

    [Fact]
    public void Poll_CpuTriggerWithoutResult_CountsAsResourceTrigger()
    {
        var so = NewScaledObject();
        so.Spec.Triggers = [new ScaleTrigger { Type = "cpu" }];
        so.Spec.MinReplicaCount = 1;

        var result = Step.Poll(Input(so, 1, TriggerPoll.Resource(0, "cpu")));

        Assert.True(result.Activity.IsActive);
        Assert.Equal(ScaleRule.Active, result.Rule);
    }

    [Fact]
    public void Poll_TriggerWhoseScalerCouldNotBeBuilt_IsAnErroredPoll_WithAScalerFailedWarning()
    {
        var result = Step.Poll(Input(NewScaledObject(), 1, TriggerPoll.Unbuilt(0, "prometheus", "a", "trigger 0 (prometheus): missing serverAddress")));

        Assert.True(result.Activity.IsError);
        Assert.Equal(ScaleRule.TriggerError, result.Rule);
        Assert.Equal("Warning KEDAScalerFailed trigger 0 (prometheus): missing serverAddress", Assert.Single(result.OnSuccess.Events).ToString());
    }

    [Fact]
    public void Poll_FormulaThatFailsAtRunTime_RecordsTheFormulaErrorAsAScalerFailedWarning()
    {
        var so = NewScaledObject(modifiers: new ScalingModifiers { Formula = "a / missing", Target = "2" });

        var result = Step.Poll(Input(so, 1, Value(35, active: true)) with { Formula = FormulaCompiler.Compile("a / missing", ["a", "missing"], out _) });

        Assert.True(result.Activity.IsError);
        Assert.Contains(result.OnSuccess.Events, e => e.Reason == "KEDAScalerFailed" && e.Message.StartsWith("error trying to run custom formula", StringComparison.Ordinal));
    }
}
