using Kubernetes.Controller.Autoscaling;

namespace Kubernetes.Controller.Tests.Autoscaling;

/// <summary>TestNormalizeDesiredReplicas, TestNormalizeDesiredReplicasWithBehavior and TestStoreScaleEvents of horizontal_test.go.</summary>
public sealed class StabilizationTests
{
    private static readonly DateTimeOffset Now = HpaTestPods.Now;

    [Theory]
    [InlineData(new int[0], new int[0], 5, 5, 1)]
    [InlineData(new[] { 4, 5 }, new[] { -2, -1 }, 3, 5, 3)]
    [InlineData(new[] { 1, 2 }, new[] { -2, -1 }, 3, 3, 3)]
    [InlineData(new[] { 10, 9 }, new[] { -10, -9 }, 3, 3, 2)]
    [InlineData(new[] { 10, 4, 5, 9 }, new[] { -10, -1, -2, -9 }, 3, 5, 4)]
    public void StabilizeWithoutBehavior_TakesHighestRecommendationOfWindow(
        int[] recommendations, int[] minutesAgo, int desired, int expected, int expectedLogLength)
    {
        var history = History(recommendations, minutesAgo);

        var result = ReplicaNormalizer.StabilizeWithoutBehavior(history, desired, TimeSpan.FromMinutes(5), Now);

        Assert.Equal(expected, result);
        Assert.Equal(expectedLogLength, history.Recommendations.Count);
    }

    public sealed record Case(string Name, int[] Recs, int[] MinutesAgo, int Current, int Desired, int Expected,
        int[]? ExpectedRecs, int UpWindow = 0, int DownWindow = 0)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> BehaviorCases() =>
    [
        new Case("empty recommendations for scaling down", [], [], 100, 5, 5, [5]),
        new Case("simple scale down stabilization", [4, 5], [-2, -1], 100, 3, 5, [4, 5, 3], DownWindow: 180),
        new Case("simple scale up stabilization", [4, 5], [-2, -1], 1, 7, 4, [4, 5, 7], UpWindow: 300),
        new Case("no scale down stabilization", [1, 2], [-2, -1], 100, 3, 3, [1, 2, 3], UpWindow: 300),
        new Case("no scale up stabilization", [4, 5], [-2, -1], 1, 3, 3, [4, 5, 3], DownWindow: 300),
        new Case("no scale down stabilization, reuse element", [10, 9], [-10, -9], 100, 3, 3, [10, 3]),
        new Case("no scale up stabilization, reuse element", [10, 9], [-10, -9], 1, 100, 100, [10, 100]),
        new Case("scale down stabilization, reuse obsolete element", [10, 4, 5, 9], [-10, -1, -2, -9], 100, 3, 5, [10, 4, 5, 3],
            DownWindow: 180),
        new Case("scale up stabilization, reuse obsolete element", [10, 6, 5, 9], [-100, -1, -2, -3], 1, 100, 5, [100, 6, 5, 9],
            UpWindow: 300),
        new Case("do not scale up when prenormalized goes down", [2, 3], [-100, -3], 2, 1, 2, null, UpWindow: 300, DownWindow: 300),
        new Case("do not scale down when prenormalized goes up", [2, 1], [-100, -3], 2, 3, 2, null, UpWindow: 300, DownWindow: 300),
    ];

    [Theory]
    [MemberData(nameof(BehaviorCases))]
    public void StabilizeWithBehaviors_MatchesUpstreamTable(Case test)
    {
        var history = History(test.Recs, test.MinutesAgo);

        var result = ReplicaNormalizer.StabilizeWithBehaviors(history, test.Current, test.Desired, test.UpWindow, test.DownWindow, Now);

        Assert.Equal(test.Expected, result.Replicas);
        if (test.ExpectedRecs is not null)
        {
            Assert.Equal(test.ExpectedRecs, history.Recommendations.Select(r => r.Recommendation));
        }
    }

    [Fact]
    public void StabilizeWithBehaviors_ScaleDown_ReportsScaleDownStabilized()
    {
        var result = ReplicaNormalizer.StabilizeWithBehaviors(History([5], [-1]), 5, 2, 0, 300, Now);

        Assert.Equal("ScaleDownStabilized", result.Reason);
        Assert.Equal(5, result.Replicas);
    }

    public sealed record StoreCase(string Name, (int Change, int SecondsAgo)[] Previous, (int Change, bool Outdated)[] Expected,
        bool WithRules, int PodsPeriod, int PercentPeriod, int ExpectedChangeIn60s)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<StoreCase> StoreCases() =>
    [
        new StoreCase("empty entries with default behavior", [], [], false, 0, 0, 0),
        new StoreCase("empty entries with two-policy behavior", [], [(5, false)], true, 60, 60, 0),
        new StoreCase("one outdated entry untouched without behavior", [(7, 61)], [(7, false)], false, 0, 0, 0),
        new StoreCase("one outdated entry replaced with behavior", [(7, 61)], [(5, false)], true, 60, 60, 0),
        new StoreCase("one actual entry kept with behavior", [(7, 58)], [(7, false), (5, false)], true, 60, 60, 7),
        new StoreCase("two entries, one replaced", [(7, 61), (6, 59)], [(5, false), (6, false)], true, 60, 0, 6),
        new StoreCase("replace one entry with different periods", [(8, 29), (6, 59), (7, 61), (9, 61)],
            [(8, false), (6, false), (7, true), (5, false)], true, 60, 30, 14),
        new StoreCase("two entries, both actual", [(7, 58), (6, 59)], [(7, false), (6, false), (5, false)], true, 120, 30, 13),
    ];

    [Theory]
    [MemberData(nameof(StoreCases))]
    public void StoreScaleEvent_ReusesOutdatedSlots(StoreCase test)
    {
        var rules = test.WithRules ? ScalingRulesTests.Rules(10, test.PodsPeriod, test.PercentPeriod == 0 ? 0 : 100, test.PercentPeriod, 0) : null;
        foreach (var up in new[] { true, false })
        {
            var history = new ScaleHistory();
            var events = up ? history.ScaleUpEvents : history.ScaleDownEvents;
            events.AddRange(test.Previous.Select(p => new ScaleEvent(p.Change, Now.AddSeconds(-p.SecondsAgo))));

            Assert.Equal(test.ExpectedChangeIn60s, ReplicaNormalizer.ChangeInPeriod(60, events, Now));
            ReplicaNormalizer.StoreScaleEvent(history, up ? rules : null, up ? null : rules, 10, up ? 15 : 5, Now);

            var expected = test.WithRules ? test.Expected : test.Previous.Select(p => (p.Change, false)).ToArray();
            Assert.Equal(expected, events.Select(e => (e.ReplicaChange, e.Outdated)).ToArray());
        }
    }

    private static ScaleHistory History(int[] recommendations, int[] minutesAgo)
    {
        var history = new ScaleHistory();
        history.Recommendations.AddRange(recommendations.Select((r, i) => new TimestampedRecommendation(r, Now.AddMinutes(minutesAgo[i]))));
        return history;
    }
}
