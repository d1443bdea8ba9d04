using Microsoft.Extensions.Time.Testing;
using Operator.Scalers;

namespace Operator.Tests.Scalers.Cron;

// KEDA pkg/scalers/cron_scaler_test.go: metadata table, metric names and activity.
public sealed class CronScalerTests
{
    private const string Valid = "timezone=Etc/UTC|start=0 0 * * Thu|end=59 23 * * Thu|desiredReplicas=10";

    private static ScalerBuildResult Build(string metadata, TimeProvider? time = null, int index = 0) =>
        ScalerRegistry.Build(
            new ScalerConfig { TriggerType = "cron", TriggerIndex = index, TriggerMetadata = TestMaps.Parse(metadata) },
            new ScalerServices { TimeProvider = time ?? TimeProvider.System });

    [Theory]
    [InlineData("", true)]
    [InlineData(Valid, false)]
    [InlineData("timezone=Etc/UTC|start=0 0 * * *|end=1 0 * * *|desiredReplicas=10", false)]
    [InlineData("timezone=Asia/Kolkata|start=30 * * * *|end=45 * * * *", true)]
    [InlineData("timezone=Asia/Kolkata|start=30-33 * * * *|end=45 * * * *|desiredReplicas=10", false)]
    [InlineData("start=30 * * * *|end=45 * * * *|desiredReplicas=10", true)]
    [InlineData("timezone=Asia/Kolkata|start=30 * * * *|end=30 * * * *|desiredReplicas=10", true)]
    [InlineData("timezone=Asia/Kolkata|start=30 * * * *|end=45-50 * * * *|desiredReplicas=10", false)]
    [InlineData("timezone=Asia/Kolkata|start=-30 * * * *|end=45 * * * *|desiredReplicas=10", true)]
    [InlineData("timezone=Asia/Kolkata|start=30 * * * *|end=-50 * * * *|desiredReplicas=10", true)]
    [InlineData("timezone=Asia/Kolkata|start=30 * * * *|end=50 * * -3 *|desiredReplicas=10", true)]
    [InlineData("timezone=Etc/UTC|start=0 0 * * *|end=1 0 * * *|desiredReplicas=0", true)]
    [InlineData("timezone=Etc/UTC|start=0 0 * *|end=1 0 * * *|desiredReplicas=1", true)]
    [InlineData("timezone=Etc/UTC|start=0 0 * * * *|end=1 0 * * *|desiredReplicas=1", true)]
    [InlineData("timezone=Etc/UTC|start=61 0 * * *|end=1 0 * * *|desiredReplicas=1", true)]
    public void Build_MatchesKedaParseTable(string metadata, bool isError)
    {
        Assert.Equal(isError, !Build(metadata).IsSuccess);
    }

    [Theory]
    [InlineData("timezone=Etc/UTC|start=0 0 * * *|end=1 0 * * *|desiredReplicas=0", "no desiredReplicas specified")]
    [InlineData("timezone=Etc/UTC|start=5 * * * *|end=5 * * * *|desiredReplicas=1", "start and end can not have exactly same time input")]
    [InlineData("timezone=Etc/UTC|start=0 0 * *|end=1 0 * * *|desiredReplicas=1", "error parsing start schedule: expected exactly 5 fields, found 4: [0 0 * *]")]
    [InlineData("timezone=Etc/UTC|end=1 0 * * *|desiredReplicas=1", "error parsing cron metadata: missing required parameter \"start\" in [triggerMetadata]\nerror parsing start schedule: empty spec string")]
    public void Build_ReportsKedaMessages(string metadata, string expected)
    {
        BuildAssert.HasError(Build(metadata), expected);
    }

    [Theory]
    [InlineData(0, "s0-cron-Etc-UTC-00xxThu-5923xxThu")]
    [InlineData(1, "s1-cron-Etc-UTC-00xxThu-5923xxThu")]
    public void GetMetricSpecs_EncodesSchedulesInName(int index, string expected)
    {
        var spec = Assert.Single(Build(Valid, index: index).Scaler!.GetMetricSpecs());

        Assert.Equal(expected, spec.External.Metric.Name);
        Assert.Equal("AverageValue", spec.External.Target.Type);
        Assert.Equal("1", spec.External.Target.AverageValue.ToString());
    }

    [Fact]
    public void GetMetricSpecs_EncodesStepsAndRanges()
    {
        var name = Build("timezone=Etc/UTC|start=0 */2 * * *|end=0 1-23/2 * * *|desiredReplicas=10", index: 1).Scaler!.GetMetricSpecs()[0].External.Metric.Name;

        Assert.Equal("s1-cron-Etc-UTC-0xSl2xxx-01-23Sl2xxx", name);
    }

    [Fact]
    public void GetMetricSpecs_ValueMetricType_TargetsValue()
    {
        var result = ScalerRegistry.Build(new ScalerConfig { TriggerType = "cron", MetricType = "Value", TriggerMetadata = TestMaps.Parse(Valid) });

        var target = result.Scaler!.GetMetricSpecs()[0].External.Target;
        Assert.Equal("Value", target.Type);
        Assert.Equal("1", target.Value.ToString());
    }

    [Fact]
    public void GetMetricSpecs_EncodesSpecialCharacters()
    {
        var name = Build("timezone=Europe/Berlin|start=*/5 8,9 ? * 1-5|end=0 18 * * 1-5|desiredReplicas=2").Scaler!.GetMetricSpecs()[0].External.Metric.Name;

        Assert.Equal("s0-cron-Europe-Berlin-xSl58Cm9Qmx1-5-018xx1-5", name);
    }

    [Fact]
    public async Task GetMetricsAndActivity_InsideWindow_IsActiveWithDesiredReplicas()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)); // a Thursday
        await using var scaler = Build(Valid, time).Scaler!;

        var result = await scaler.GetMetricsAndActivityAsync("s0-cron", TestContext.Current.CancellationToken);

        Assert.True(result.IsActive);
        Assert.Equal(10, Assert.Single(result.Metrics).Value);
    }

    [Fact]
    public async Task GetMetricsAndActivity_OutsideWindow_IsInactiveWithOne()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero)); // a Friday
        await using var scaler = Build(Valid, time).Scaler!;

        var result = await scaler.GetMetricsAndActivityAsync("s0-cron", TestContext.Current.CancellationToken);

        Assert.False(result.IsActive);
        Assert.Equal(1, Assert.Single(result.Metrics).Value);
    }

    [Fact]
    public async Task GetMetricsAndActivity_FollowsTheClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 23, 59, 30, TimeSpan.Zero)); // Wednesday
        await using var scaler = Build(Valid, time).Scaler!;
        var ct = TestContext.Current.CancellationToken;

        Assert.False((await scaler.GetMetricsAndActivityAsync("m", ct)).IsActive);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await scaler.GetMetricsAndActivityAsync("m", ct)).IsActive);
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public async Task GetMetricsAndActivity_EvenHoursRange(int hour, bool expected)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, hour, 30, 0, TimeSpan.Zero));
        await using var scaler = Build("timezone=Etc/UTC|start=0 */2 * * *|end=0 1-23/2 * * *|desiredReplicas=10", time).Scaler!;

        var result = await scaler.GetMetricsAndActivityAsync("m", TestContext.Current.CancellationToken);

        Assert.Equal(expected, result.IsActive);
        Assert.Equal(expected ? 10 : 1, result.Metrics[0].Value);
    }

    [Fact]
    public async Task GetMetricsAndActivity_UsesTheTimezone()
    {
        // 20:00 UTC on a Wednesday is 01:30 Thursday in Kolkata.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 20, 0, 0, TimeSpan.Zero));
        await using var scaler = Build("timezone=Asia/Kolkata|start=0 0 * * Thu|end=59 23 * * Thu|desiredReplicas=3", time).Scaler!;

        var result = await scaler.GetMetricsAndActivityAsync("m", TestContext.Current.CancellationToken);

        Assert.True(result.IsActive);
        Assert.Equal(3, result.Metrics[0].Value);
    }

    [Fact]
    public async Task GetMetricsAndActivity_UnknownTimezone_FailsAtQueryTime()
    {
        var build = Build("timezone=Mars/Olympus|start=0 0 * * Thu|end=59 23 * * Thu|desiredReplicas=3");
        Assert.True(build.IsSuccess);
        await using var scaler = build.Scaler!;

        var result = await scaler.GetMetricsAndActivityAsync("m", TestContext.Current.CancellationToken);

        Assert.False(result.IsSuccess);
        Assert.StartsWith("unable to load timezone", result.Error, StringComparison.Ordinal);
    }
}
