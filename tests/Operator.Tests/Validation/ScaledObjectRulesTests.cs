using Operator.Api;
using Operator.Validation;

namespace Operator.Tests.Validation;

public sealed class ScaledObjectRulesTests
{
    [Theory]
    [InlineData(1, 5, null, null)]
    [InlineData(1, 5, 0, null)]
    [InlineData(2, 1, null, "MinReplicaCount=2 must be less than MaxReplicaCount=1")]
    [InlineData(1, 5, 1, "IdleReplicaCount=1 must be less than MinReplicaCount=1")]
    [InlineData(1, 5, 2, "IdleReplicaCount=2 must be less than MinReplicaCount=1")]
    [InlineData(5, 5, null, null)]
    [InlineData(null, null, 0, "IdleReplicaCount=0 must be less than MinReplicaCount=0")]
    [InlineData(0, null, 0, null)]
    [InlineData(null, 0, null, null)]
    [InlineData(10, null, null, null)]
    [InlineData(101, null, null, "MinReplicaCount=101 must be less than MaxReplicaCount=100")]
    public void CheckReplicaCountBoundsAreValid_MatchesKeda(int? min, int? max, int? idle, string? expected)
    {
        var so = new ScaledObject { Spec = { MinReplicaCount = min, MaxReplicaCount = max, IdleReplicaCount = idle } };

        Assert.Equal(expected, ScaledObjectRules.CheckReplicaCountBoundsAreValid(so));
    }

    public static TheoryData<string, Fallback?, string[], string?, string?> FallbackCases => new()
    {
        { "no fallback", null, ["couchdb"], null, null },
        { "AverageValue trigger", new Fallback { FailureThreshold = 3, Replicas = 1 }, ["couchdb"], null, null },
        { "Value trigger is accepted", new Fallback { FailureThreshold = 3, Replicas = 1 }, ["couchdb:Value"], null, null },
        { "cpu only", new Fallback { FailureThreshold = 3, Replicas = 1 }, ["cpu"], null, "type for the fallback to be enabled" },
        { "memory only", new Fallback { FailureThreshold = 3, Replicas = 1 }, ["memory"], null, "type for the fallback to be enabled" },
        { "cpu and another", new Fallback { FailureThreshold = 3, Replicas = 1 }, ["cpu", "couchdb"], null, null },
        { "negative threshold", new Fallback { FailureThreshold = -1, Replicas = 1 }, ["couchdb"], null, "must both be greater than or equal to 0" },
        { "negative replicas", new Fallback { FailureThreshold = 3, Replicas = -1 }, ["couchdb"], null, "must both be greater than or equal to 0" },
        { "scaling modifiers skip trigger check", new Fallback { FailureThreshold = 3, Replicas = 1 }, ["cpu"], "x * 2", null },
    };

    [Theory]
    [MemberData(nameof(FallbackCases))]
    public void CheckFallbackValid_MatchesKeda(string name, Fallback? fallback, string[] triggers, string? formula, string? errorContains)
    {
        Assert.NotNull(name);
        var so = new ScaledObject
        {
            Spec =
            {
                Fallback = fallback,
                Triggers = [.. triggers.Select(t => t.Split(':')).Select(p => new ScaleTrigger { Type = p[0], MetricType = p.Length > 1 ? p[1] : null })],
                Advanced = formula is null ? null : new AdvancedConfig { ScalingModifiers = new ScalingModifiers { Formula = formula } },
            },
        };

        var error = ScaledObjectRules.CheckFallbackValid(so);

        if (errorContains is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains(errorContains, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CheckFallbackValid_OnlyCpuMemory_UsesKedaMessage() =>
        Assert.Equal(
            "at least one trigger (that is not cpu or memory) has to have the `AverageValue` type for the fallback to be enabled",
            ScaledObjectRules.CheckFallbackValid(new ScaledObject
            {
                Spec = { Fallback = new Fallback { FailureThreshold = 3, Replicas = 6 }, Triggers = [new() { Type = "cpu" }, new() { Type = "memory" }] },
            }));

    [Theory]
    [InlineData(64, "short-hpa", false)]
    [InlineData(63, "short-hpa", true)]
    [InlineData(55, null, false)]
    [InlineData(54, null, true)]
    [InlineData(60, "", false)]
    public void VerifyName_EnforcesLabelValueLimits(int nameLength, string? hpaName, bool valid)
    {
        var so = ValidationFixtures.ScaledObject(name: new string('a', nameLength), hpaName: hpaName);

        Assert.Equal(valid, ScaledObjectRules.VerifyName(so) is null);
    }

    [Fact]
    public void VerifyName_TooLongName_UsesKedaMessage()
    {
        var name = new string('a', 64);

        Assert.Equal(
            $"scaledobject name \"{name}\" is 64 characters long; must be no more than 63 characters because it is used as the \"scaledobject.keda.sh/name\" label value",
            ScaledObjectRules.VerifyName(ValidationFixtures.ScaledObject(name: name, hpaName: "short")));
    }

    [Fact]
    public void VerifyName_TooLongHpaName_UsesKedaMessage()
    {
        var name = new string('a', 55);

        Assert.Equal(
            $"HPA name \"keda-hpa-{name}\" derived from scaledobject is 64 characters long; must be no more than 63 characters; set spec.advanced.horizontalPodAutoscalerConfig.name to a shorter name or shorten the scaledobject name",
            ScaledObjectRules.VerifyName(ValidationFixtures.ScaledObject(name: name)));
    }

    [Theory]
    [InlineData(1, null, 30, null, false, true, false)]
    [InlineData(2, 1, 30, null, false, false, false)]
    [InlineData(2, 0, 30, null, false, false, false)]
    [InlineData(2, null, 30, null, true, false, false)]
    [InlineData(2, 1, null, null, false, false, false)]
    [InlineData(1, null, null, 300, false, false, true)]
    [InlineData(2, 1, null, 300, false, false, false)]
    [InlineData(2, null, 30, 300, false, true, true)]
    [InlineData(0, null, 30, 300, false, false, false)]
    public void Warnings_IrrelevantPollingAndCooldown_MatchKeda(
        int? min, int? idle, int? polling, int? cooldown, bool cached, bool pollingWarning, bool cooldownWarning)
    {
        var so = new ScaledObject
        {
            Spec =
            {
                MinReplicaCount = min, IdleReplicaCount = idle, PollingInterval = polling, CooldownPeriod = cooldown,
                Triggers = [new ScaleTrigger { Type = "kubernetes-workload", UseCachedMetrics = cached }],
            },
        };

        var warnings = ScaledObjectRules.Warnings(so);

        Assert.Equal(pollingWarning, warnings.Any(w => w.Contains("PollingInterval is configured but is not relevant", StringComparison.Ordinal)));
        Assert.Equal(cooldownWarning, warnings.Any(w => w.Contains("CooldownPeriod is configured but is not relevant", StringComparison.Ordinal)));
    }
}
