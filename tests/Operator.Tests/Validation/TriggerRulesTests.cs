using Operator.Api;
using Operator.Validation;

namespace Operator.Tests.Validation;

public sealed class TriggerRulesTests
{
    [Theory]
    [InlineData("trigger1:cpu", "trigger2:prometheus", null)]
    [InlineData("trigger1:cpu", "trigger1:prometheus", "triggerName \"trigger1\" is defined multiple times in the ScaledObject/ScaledJob, but it must be unique")]
    [InlineData("trigger1:cpu:cached", null, "property \"useCachedMetrics\" is not supported for \"cpu\" scaler")]
    [InlineData("trigger2:memory:cached", null, "property \"useCachedMetrics\" is not supported for \"memory\" scaler")]
    [InlineData("trigger3:cron:cached", null, "property \"useCachedMetrics\" is not supported for \"cron\" scaler")]
    [InlineData("trigger4:kafka:cached", null, null)]
    [InlineData(":kafka", ":kafka", null)]
    public void ValidateTriggers_MatchesKeda(string first, string? second, string? expected)
    {
        var triggers = new[] { first, second }.OfType<string>().Select(Parse).ToList();

        Assert.Equal(expected, TriggerRules.ValidateTriggers(triggers));
    }

    [Fact]
    public void ValidateTriggers_Empty_IsRejected() =>
        Assert.Equal("no triggers defined in the ScaledObject/ScaledJob", TriggerRules.ValidateTriggers([]));

    private static ScaleTrigger Parse(string spec)
    {
        var parts = spec.Split(':');
        return new ScaleTrigger { Name = parts[0], Type = parts[1], UseCachedMetrics = parts.Length > 2 };
    }
}
