using Operator.Api;
using Operator.Scaling.Status;

namespace Operator.Tests.Scaling.Status;

public class ScaledObjectStatusDeltaTests
{
    private static readonly DateTime Noon = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    private static ScaledObjectStatus Initial() => new() { Conditions = ScaledObjectConditions.CreateInitial() };

    [Fact]
    public void Between_SameStatus_IsEmpty()
    {
        Assert.True(ScaledObjectStatusDelta.Between(Initial(), Initial()).IsEmpty);
    }

    [Fact]
    public void Between_NamesOnlyTheMembersThatChanged()
    {
        var before = Initial();
        var after = ScaledObjectStatusCopy.Of(before);
        after.LastActiveTime = Noon;
        ScaledObjectConditions.Set(after, ConditionTypes.Active, ConditionStatuses.True, ConditionReasons.ScalerActive, ConditionMessages.ScalerActive);

        var delta = ScaledObjectStatusDelta.Between(before, after);

        Assert.Equal(["lastActiveTime", "conditions"], delta.Members);
    }

    [Fact]
    public void ApplyTo_KeepsAnotherWritersFieldsAndConditions()
    {
        var read = Initial();
        var loop = ScaledObjectStatusCopy.Of(read);
        loop.LastActiveTime = Noon;
        ScaledObjectConditions.Set(loop, ConditionTypes.Active, ConditionStatuses.True, ConditionReasons.ScalerActive, ConditionMessages.ScalerActive);
        var controllerWrote = ScaledObjectStatusCopy.Of(read);
        controllerWrote.HpaName = "keda-hpa-orders";
        ScaledObjectConditions.Set(controllerWrote, ConditionTypes.Ready, ConditionStatuses.True, ConditionReasons.ScaledObjectReady,
            ConditionMessages.ReadySuccess);

        var merged = ScaledObjectStatusDelta.Between(read, loop).ApplyTo(controllerWrote);

        Assert.Equal(("keda-hpa-orders", Noon), (merged.HpaName, merged.LastActiveTime));
        Assert.True(ScaledObjectConditions.IsTrue(ScaledObjectConditions.Find(merged.Conditions, ConditionTypes.Ready)));
        Assert.True(ScaledObjectConditions.IsTrue(ScaledObjectConditions.Find(merged.Conditions, ConditionTypes.Active)));
        Assert.Equal(["Ready", "Active", "Fallback", "Paused"], merged.Conditions!.Select(c => c.Type));
    }

    [Fact]
    public void MergePatchOnto_RemovedMember_IsSentAsNull()
    {
        var before = Initial();
        before.PausedReplicaCount = 2;
        var after = ScaledObjectStatusCopy.Of(before);
        after.PausedReplicaCount = null;

        var patch = ScaledObjectStatusDelta.Between(before, after).MergePatchOnto(before);

        Assert.Equal("""{"pausedReplicaCount":null}""", patch.ToJsonString());
    }
}
