using k8s.Models;
using Kubernetes.Controller.Autoscaling;

namespace Kubernetes.Controller.Tests.Autoscaling;

/// <summary>TestScalingWithRules of kubernetes/kubernetes horizontal_test.go (convertDesiredReplicasWithBehaviorRate).</summary>
public sealed class ScalingRulesTests
{
    private static readonly DateTimeOffset Now = HpaTestPods.Now;

    public sealed record Case(
        string Name, int Current, int Desired, int Min, int Max, int Expected, string Condition,
        V2HPAScalingRules? Up = null, V2HPAScalingRules? Down = null, int[]? UpEvents = null, int[]? DownEvents = null)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Cases() =>
    [
        new Case("within range", 5, 7, 3, 8, 7, "DesiredWithinRange"),
        new Case("below minReplicas", 3, 1, 2, 8, 2, "TooFewReplicas"),
        new Case("zero within range when minReplicas is 0", 1, 0, 0, 10, 0, "DesiredWithinRange"),
        new Case("maxReplicas below scaleUpLimit", 20, 1000, 1, 10, 10, "TooManyReplicas"),
        new Case("more than maximum", 100, 1000, 100, 150, 150, "TooManyReplicas"),
        new Case("user policy scaleUpLimit", 3, 1000, 1, 2000, 4, "ScaleUpLimit", Up: Rules(0, 0, 1, 60, 0)),
        new Case("scaleUp with default behavior", 10, 50, 1, 1000, 20, "ScaleUpLimit"),
        new Case("scaleUp pods policy larger than percent", 10, 500, 1, 1000, 110, "ScaleUpLimit", Up: Rules(100, 60, 100, 60, 0)),
        new Case("scaleUp percent policy larger than pods", 10, 500, 1, 1000, 20, "ScaleUpLimit", Up: Rules(2, 60, 100, 60, 0)),
        new Case("scaleUp large pod policy", 10, 50, 1, 1000, 50, "DesiredWithinRange", Up: Rules(100, 60, 0, 0, 0)),
        new Case("scaleUp very large pod policy", 10, 50, 1, 1000, 50, "DesiredWithinRange", Up: Rules(10000, 60, 0, 0, 0)),
        new Case("scaleUp pod policy limitation", 10, 50, 1, 1000, 40, "ScaleUpLimit", Up: Rules(30, 60, 0, 0, 0)),
        new Case("scaleUp percent policy limitation", 10, 50, 1, 1000, 30, "ScaleUpLimit", Up: Rules(0, 0, 200, 60, 0)),
        new Case("scaleDown percent policy larger than pod", 100, 2, 1, 1000, 80, "ScaleDownLimit", Down: Rules(20, 60, 1, 60, 300)),
        new Case("scaleDown pod policy larger than percent", 100, 2, 1, 1000, 98, "ScaleDownLimit", Down: Rules(2, 60, 1, 60, 300)),
        new Case("scaleDown minReplicas with large pod policy", 10, 0, 1, 1000, 1, "TooFewReplicas", Down: Rules(100, 60, 0, 0, 300)),
        new Case("scaleDown minReplicas with large percent policy", 10, 2, 5, 1000, 5, "TooFewReplicas", Down: Rules(0, 0, 100, 60, 300)),
        new Case("scaleDown pod policy limitation", 10, 2, 1, 1000, 5, "ScaleDownLimit", Down: Rules(5, 60, 0, 0, 300)),
        new Case("scaleDown percent policy limitation", 10, 5, 1, 1000, 5, "DesiredWithinRange", Down: Rules(0, 0, 50, 60, 300)),
        new Case("scaleUp maxReplicas with large pod policy and events", 100, 500, 1, 200, 200, "TooManyReplicas",
            Up: Rules(300, 60, 0, 0, 0), UpEvents: [1, 5, 9]),
        new Case("scaleUp maxReplicas with large percent policy and events", 100, 500, 1, 200, 200, "TooManyReplicas",
            Up: Rules(0, 0, 10000, 60, 0), UpEvents: [1, 5, 9]),
        new Case("scaleUp limited to current by many recent events", 100, 500, 1, 1000, 100, "ScaleUpLimit",
            Up: Rules(5, 120, 0, 0, 0), UpEvents: [1, 5, 9]),
        new Case("scaleUp pod policy and previous events", 100, 500, 1, 1000, 235, "ScaleUpLimit",
            Up: Rules(150, 120, 0, 0, 0), UpEvents: [1, 5, 9]),
        new Case("scaleUp percent policy and previous events", 100, 500, 1, 1000, 255, "ScaleUpLimit",
            Up: Rules(0, 0, 200, 120, 0), UpEvents: [1, 5, 9]),
        new Case("scaleUp percent policy and previous up and down events", 6, 24, 1, 1000, 16, "ScaleUpLimit",
            Up: Rules(0, 0, 300, 300, 0), UpEvents: [4], DownEvents: [2]),
        new Case("scaleDown default policy and previous events", 10, 5, 1, 1000, 5, "DesiredWithinRange", DownEvents: [1, 5, 9]),
        new Case("scaleDown minReplicas=1 with large pod policy and events", 100, 0, 1, 1000, 1, "TooFewReplicas",
            Down: Rules(115, 120, 0, 0, 300), DownEvents: [1, 5, 9]),
        new Case("scaleDown minReplicas with large pod policy and events", 100, 0, 5, 1000, 5, "TooFewReplicas",
            Down: Rules(130, 120, 0, 0, 300), DownEvents: [1, 5, 9]),
        new Case("scaleDown minReplicas with large percent policy and events", 100, 2, 5, 1000, 5, "TooFewReplicas",
            Down: Rules(0, 0, 100, 120, 300), DownEvents: [1, 5, 9]),
        new Case("scaleDown pod policy limitation and events", 100, 2, 1, 1000, 100, "ScaleDownLimit",
            Down: Rules(5, 120, 0, 0, 300), DownEvents: [1, 5, 9]),
        new Case("scaleDown percent policy limitation and events", 100, 0, 1, 1000, 56, "ScaleDownLimit",
            Down: Rules(0, 0, 50, 120, 300), DownEvents: [2, 4, 6]),
        new Case("scaleDown percent policy and previous up and down events", 10, 1, 1, 1000, 6, "ScaleDownLimit",
            Down: Rules(0, 0, 50, 180, 0), UpEvents: [2], DownEvents: [4]),
        new Case("scaleDown prevented by previous events", 100, 0, 1, 1000, 100, "ScaleDownLimit",
            Down: Rules(0, 0, 10, 120, 300), DownEvents: [10, 10, 10]),
        new Case("scaleDown still allowed after previous events", 10, 5, 1, 1000, 5, "DesiredWithinRange",
            Down: Rules(0, 0, 1000, 120, 300), DownEvents: [10, 10, 10]),
        new Case("outdated flag, one policy, up", 100, 200, 1, 1000, 200, "DesiredWithinRange",
            Up: Rules(1000, 60, 0, 0, 0), UpEvents: [8, 12, 9, 11]),
        new Case("outdated flag, two policies, up", 100, 200, 1, 1000, 200, "DesiredWithinRange",
            Up: Rules(1000, 120, 100, 60, 0), UpEvents: [8, 12, 9, 11]),
        new Case("outdated flag, one policy, down", 100, 5, 1, 1000, 5, "DesiredWithinRange",
            Down: Rules(1000, 60, 0, 0, 300), DownEvents: [8, 12, 9, 11]),
        new Case("outdated flag, two policies, down", 100, 5, 1, 1000, 5, "DesiredWithinRange",
            Down: Rules(1000, 120, 100, 60, 300), DownEvents: [8, 12, 9, 11]),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void ConvertWithBehaviorRate_MatchesUpstreamTable(Case test)
    {
        var history = new ScaleHistory();
        history.ScaleUpEvents.AddRange(Uniform(test.UpEvents ?? [], 120));
        history.ScaleDownEvents.AddRange(Uniform(test.DownEvents ?? [], 120));

        var result = ReplicaNormalizer.ConvertWithBehaviorRate(history, test.Current, test.Desired, test.Min, test.Max,
            HpaBehaviors.ScaleUpRules(test.Up), HpaBehaviors.ScaleDownRules(test.Down, TimeSpan.FromMinutes(5)), Now);

        Assert.Equal(test.Expected, result.Replicas);
        Assert.Equal(test.Condition, result.Reason);
    }

    [Theory]
    [InlineData(5, 7, 3, 8, 7, "DesiredWithinRange")]
    [InlineData(3, 1, 2, 8, 2, "TooFewReplicas")]
    [InlineData(1, 0, 0, 10, 0, "DesiredWithinRange")]
    [InlineData(20, 1000, 1, 10, 10, "TooManyReplicas")]
    [InlineData(3, 1000, 1, 2000, 6, "ScaleUpLimit")]
    [InlineData(1, 1000, 1, 2000, 4, "ScaleUpLimit")]
    public void ConvertWithRules_ClampsToMinAndScaleUpLimit(int current, int desired, int min, int max, int expected, string condition)
    {
        var result = ReplicaNormalizer.ConvertWithRules(current, desired, min, max);

        Assert.Equal(expected, result.Replicas);
        Assert.Equal(condition, result.Reason);
    }

    [Fact]
    public void ScaleUpLimit_MinSelectPolicy_PicksSmallestChange()
    {
        var rules = Rules(2, 60, 50, 60, 300);
        rules.SelectPolicy = HpaDefaults.SelectPolicyMin;

        Assert.Equal(2, ReplicaNormalizer.ScaleUpLimit(1, [], [], rules, Now));
    }

    [Fact]
    public void ScaleDownLimit_MinSelectPolicy_PicksSmallestChange()
    {
        var rules = Rules(2, 60, 50, 60, 300);
        rules.SelectPolicy = HpaDefaults.SelectPolicyMin;

        Assert.Equal(3, ReplicaNormalizer.ScaleDownLimit(5, [], [], rules, Now));
    }

    [Fact]
    public void ConvertWithBehaviorRate_DisabledScaleUp_KeepsCurrent()
    {
        var up = Rules(100, 60, 0, 0, 0);
        up.SelectPolicy = HpaDefaults.SelectPolicyDisabled;

        var result = ReplicaNormalizer.ConvertWithBehaviorRate(new ScaleHistory(), 3, 10, 1, 20, up,
            HpaBehaviors.ScaleDownRules(null, TimeSpan.FromMinutes(5)), Now);

        Assert.Equal(3, result.Replicas);
        Assert.Equal("ScaleUpLimit", result.Reason);
    }

    internal static V2HPAScalingRules Rules(int pods, int podsPeriod, int percent, int percentPeriod, int window)
    {
        var policies = new List<V2HPAScalingPolicy>();
        if (pods != 0)
        {
            policies.Add(new V2HPAScalingPolicy { Type = "Pods", Value = pods, PeriodSeconds = podsPeriod });
        }

        if (percent != 0)
        {
            policies.Add(new V2HPAScalingPolicy { Type = "Percent", Value = percent, PeriodSeconds = percentPeriod });
        }

        return new V2HPAScalingRules { StabilizationWindowSeconds = window, SelectPolicy = "Max", Policies = policies };
    }

    // generateEventsUniformDistribution: each event sits in the middle of its share of the last periodSeconds.
    internal static IEnumerable<ScaleEvent> Uniform(int[] changes, int periodSeconds)
    {
        var segment = (double)periodSeconds / Math.Max(1, changes.Length);
        return changes.Select((change, i) =>
            new ScaleEvent(change, Now.AddSeconds(-(periodSeconds - (segment * (i + 1)) + (segment / 2)))));
    }
}
