using Operator.Scalers;

namespace Operator.Tests.Scalers;

public class MetricNamesTests
{
    [Fact]
    public void AreEqual_IgnoresCase_BecauseTheHpaLowerCasesNames() =>
        Assert.True(MetricNames.AreEqual("s0-Kafka-MyTopic", "s0-kafka-mytopic"));

    [Fact]
    public void FindMatch_ReturnsOriginalCasing() =>
        Assert.Equal("s1-Prometheus", MetricNames.FindMatch(["s0-cron", "s1-Prometheus"], "s1-prometheus"));

    [Fact]
    public void Contains_UnknownName_IsFalse() => Assert.False(MetricNames.Contains(["s0-cron"], "s1-cron"));
}
