using Operator.Api;

namespace Operator.Tests.Api;

public class ScaledObjectAnnotationsTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    [InlineData("0", false)]
    [InlineData("invalid", true)]
    [InlineData("", true)]
    [InlineData("yes", true)]
    public void IsFlagSet_FollowsGoParseBool_NonBooleanCountsAsTrue(string? value, bool expected)
    {
        var annotations = value is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [ScaledObjectAnnotations.Paused] = value };

        Assert.Equal(expected, ScaledObjectAnnotations.IsFlagSet(annotations, ScaledObjectAnnotations.Paused));
    }

    [Fact]
    public void IsPaused_PausedReplicasWinsOverPausedFalse()
    {
        var annotations = new Dictionary<string, string>
        {
            [ScaledObjectAnnotations.Paused] = "false",
            [ScaledObjectAnnotations.PausedReplicas] = "3",
        };

        Assert.True(ScaledObjectAnnotations.IsPaused(annotations));
    }

    [Fact]
    public void IsPaused_NoAnnotations_IsFalse() => Assert.False(ScaledObjectAnnotations.IsPaused(null));

    [Theory]
    [InlineData("5", 5)]
    [InlineData("0", 0)]
    [InlineData("+2", 2)]
    public void TryGetPausedReplicas_ParsesInt32(string value, int expected)
    {
        var ok = ScaledObjectAnnotations.TryGetPausedReplicas(
            new Dictionary<string, string> { [ScaledObjectAnnotations.PausedReplicas] = value }, out var replicas, out var error);

        Assert.True(ok);
        Assert.Equal(expected, replicas);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public void TryGetPausedReplicas_NotAnInt32_ReportsErrorNamingTheAnnotation(string value)
    {
        var ok = ScaledObjectAnnotations.TryGetPausedReplicas(
            new Dictionary<string, string> { [ScaledObjectAnnotations.PausedReplicas] = value }, out var replicas, out var error);

        Assert.False(ok);
        Assert.Null(replicas);
        Assert.Contains(ScaledObjectAnnotations.PausedReplicas, error, StringComparison.Ordinal);
    }

    // KEDA TestNeedToBePausedByAnnotation.
    [Theory]
    [InlineData(null, null, false, false)]
    [InlineData("true", null, false, true)]
    [InlineData("false", null, false, false)]
    [InlineData("invalid", null, false, true)]
    [InlineData(null, "5", true, true)]
    [InlineData(null, "5", false, false)]
    [InlineData("true", "5", true, true)]
    public void NeedToBePausedByAnnotation_MatchesKeda(string? paused, string? pausedReplicas, bool statusHasCount, bool expected)
    {
        var so = new ScaledObject { Metadata = { Annotations = new Dictionary<string, string>() } };
        if (paused is not null)
        {
            so.Metadata.Annotations[ScaledObjectAnnotations.Paused] = paused;
        }

        if (pausedReplicas is not null)
        {
            so.Metadata.Annotations[ScaledObjectAnnotations.PausedReplicas] = pausedReplicas;
        }

        so.Status = new ScaledObjectStatus { PausedReplicaCount = statusHasCount ? 5 : null };

        Assert.Equal(expected, ScaledObjectAnnotations.NeedToBePausedByAnnotation(so));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", false)]
    [InlineData("1", false)]
    public void IsHpaOwnershipTransferRequested_OnlyExactTrue(string value, bool expected) =>
        Assert.Equal(expected, ScaledObjectAnnotations.IsHpaOwnershipTransferRequested(
            new Dictionary<string, string> { [ScaledObjectAnnotations.TransferHpaOwnership] = value }));
}
