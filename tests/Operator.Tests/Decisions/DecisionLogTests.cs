using Operator.Decisions;

namespace Operator.Tests.Decisions;

public sealed class DecisionLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Recent_KeepsOnlyTheLastCapacityDecisions_OldestFirst()
    {
        var log = new DecisionLog(capacity: 3);
        for (var i = 0; i < 5; i++)
        {
            log.Record("apps", "web", Decision(i));
        }

        Assert.Equal([2, 3, 4], log.Recent("apps", "web").Select(d => d.ReplicasWritten!.Value));
    }

    [Fact]
    public void Recent_IsPerScaledObject_AndEmptyForUnknownOnes()
    {
        var log = new DecisionLog();
        log.Record("apps", "web", Decision(1));

        Assert.Single(log.Recent("apps", "web"));
        Assert.Empty(log.Recent("apps", "worker"));
        Assert.Empty(log.Recent("other", "web"));
    }

    [Fact]
    public void Forget_DropsTheDecisionsOfADeletedScaledObject()
    {
        var log = new DecisionLog();
        log.Record("apps", "web", Decision(1));

        log.Forget("apps", "web");

        Assert.Empty(log.Recent("apps", "web"));
    }

    [Fact]
    public async Task Record_FromManyLoopsAtOnce_LosesNothingWithinCapacity()
    {
        var log = new DecisionLog(capacity: 1000);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                log.Record("apps", "web", Decision((t * 100) + i));
            }
        }, TestContext.Current.CancellationToken)));

        Assert.Equal(800, log.Recent("apps", "web").Select(d => d.ReplicasWritten).Distinct().Count());
    }

    internal static DecisionRecord Decision(int replicas) => new()
    {
        Time = T0.AddSeconds(replicas),
        IsActive = true,
        Rule = DecisionRules.Activation,
        Summary = $"scaled to {replicas}",
        ReplicasWritten = replicas,
    };
}
