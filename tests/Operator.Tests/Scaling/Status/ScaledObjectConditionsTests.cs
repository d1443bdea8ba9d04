using Operator.Api;
using Operator.Scaling;
using Operator.Scaling.Status;

namespace Operator.Tests.Scaling.Status;

public class ScaledObjectConditionsTests
{
    [Fact]
    public void CreateInitial_IsReadyActiveFallbackUnknown_PausedFalse_WithoutReasons()
    {
        var conditions = ScaledObjectConditions.CreateInitial();

        Assert.Equal(
            ["Ready:Unknown", "Active:Unknown", "Fallback:Unknown", "Paused:False"],
            conditions.Select(c => $"{c.Type}:{c.Status}"));
        Assert.All(conditions, c => Assert.Null(c.Reason));
        Assert.DoesNotContain(conditions, c => c.Type == ConditionTypes.HpaActive);
    }

    [Fact]
    public void EnsureInitialized_MissingPaused_ReplacesWithInitialSet()
    {
        var status = new ScaledObjectStatus
        {
            Conditions = [new Condition { Type = ConditionTypes.Ready, Status = ConditionStatuses.True }],
        };

        Assert.True(ScaledObjectConditions.EnsureInitialized(status));
        Assert.Equal(4, status.Conditions!.Count);
    }

    [Fact]
    public void EnsureInitialized_AllPresent_KeepsThem()
    {
        var status = new ScaledObjectStatus { Conditions = ScaledObjectConditions.CreateInitial() };
        ScaledObjectConditions.SetTrue(status, ConditionTypes.Ready, ConditionReasons.ScaledObjectReady, ConditionMessages.ReadySuccess);

        Assert.False(ScaledObjectConditions.EnsureInitialized(status));
        Assert.True(ScaledObjectConditions.IsTrue(ScaledObjectConditions.Find(status.Conditions, ConditionTypes.Ready)));
    }

    [Fact]
    public void Set_MissingHpaActive_AppendsIt()
    {
        var status = new ScaledObjectStatus { Conditions = ScaledObjectConditions.CreateInitial() };

        var changed = ScaledObjectConditions.SetTrue(status, ConditionTypes.HpaActive, ConditionReasons.HpaActive, "");

        Assert.True(changed);
        var hpa = ScaledObjectConditions.Find(status.Conditions, ConditionTypes.HpaActive);
        Assert.NotNull(hpa);
        Assert.Equal(ConditionStatuses.True, hpa.Status);
    }

    [Fact]
    public void Set_SameValues_ReportsNoChange()
    {
        var status = new ScaledObjectStatus();
        ScaledObjectConditions.SetFalse(status, ConditionTypes.Active, ConditionReasons.ScalerNotActive, ConditionMessages.ScalerNotActive);

        Assert.False(ScaledObjectConditions.SetFalse(status, ConditionTypes.Active, ConditionReasons.ScalerNotActive, ConditionMessages.ScalerNotActive));
    }

    [Fact]
    public void SetUnknown_OnNullConditions_InitialisesFirst()
    {
        var status = new ScaledObjectStatus();

        ScaledObjectConditions.SetUnknown(status, ConditionTypes.Ready, ConditionReasons.PartialTriggerError, ConditionMessages.PartialTriggerError);

        Assert.True(ScaledObjectConditions.AreInitialized(status.Conditions));
        Assert.Equal(ConditionReasons.PartialTriggerError, ScaledObjectConditions.Find(status.Conditions, ConditionTypes.Ready)!.Reason);
    }

    [Fact]
    public void IsUnknown_MissingCondition_CountsAsUnknown()
    {
        Assert.True(ScaledObjectConditions.IsUnknown(null));
        Assert.False(ScaledObjectConditions.IsTrue(null));
        Assert.False(ScaledObjectConditions.IsFalse(null));
    }
}
