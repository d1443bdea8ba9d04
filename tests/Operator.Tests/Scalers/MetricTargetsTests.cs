using Operator.Scalers;

namespace Operator.Tests.Scalers;

public sealed class MetricTargetsTests
{
    [Theory]
    [InlineData(0, "prometheus", "s0-prometheus")]
    [InlineData(3, "kafka-my-topic", "s3-kafka-my-topic")]
    public void WithIndex_PrefixesTriggerIndex(int index, string name, string expected)
    {
        Assert.Equal(expected, MetricNames.WithIndex(index, name));
    }

    [Theory]
    [InlineData("a/b.c:d%e(f)g", "a-b-c-d-e-f-g")]
    [InlineData("Kafka-My,Topic_x", "Kafka-My,Topic_x")]
    public void Normalize_ReplacesOnlyKedaCharacters(string input, string expected)
    {
        Assert.Equal(expected, MetricNames.Normalize(input));
    }

    [Theory]
    [InlineData("", "AverageValue")]
    [InlineData("AverageValue", "AverageValue")]
    [InlineData("Value", "Value")]
    public void GetMetricTargetType_DefaultsToAverageValue(string metricType, string expected)
    {
        var (type, error) = MetricTargets.GetMetricTargetType(new ScalerConfig { TriggerType = "kafka", MetricType = metricType });

        Assert.Null(error);
        Assert.Equal(expected, type);
    }

    [Fact]
    public void GetMetricTargetType_Utilization_IsKedaError()
    {
        var (_, error) = MetricTargets.GetMetricTargetType(new ScalerConfig { TriggerType = "kafka", MetricType = "Utilization" });

        Assert.Equal("'Utilization' metric type is unsupported for external metrics, allowed values are 'Value' or 'AverageValue'", error);
    }

    [Theory]
    [InlineData(10, "10")]
    [InlineData(2000, "2k")]
    [InlineData(1500, "1500")]
    [InlineData(0, "0")]
    public void IntegerQuantity_IsCanonical(long value, string expected)
    {
        Assert.Equal(expected, MetricTargets.IntegerQuantity(value).ToString());
    }

    [Theory]
    [InlineData(2, "2")]
    [InlineData(0.5, "500m")]
    [InlineData(1.2345, "1234m")]
    [InlineData(1.2346, "1235m")]
    [InlineData(1500, "1500")]
    [InlineData(2000, "2k")]
    [InlineData(0, "0")]
    [InlineData(-3, "0")]
    [InlineData(double.NaN, "0")]
    [InlineData(double.PositiveInfinity, "0")]
    public void MilliQuantity_RoundsToThreeDecimals(double value, string expected)
    {
        Assert.Equal(expected, MetricTargets.MilliQuantity(value).ToString());
    }

    [Fact]
    public void Target_AverageValue_FillsAverageValue()
    {
        var target = MetricTargets.Target("AverageValue", 10);

        Assert.Equal("AverageValue", target.Type);
        Assert.Equal("10", target.AverageValue.ToString());
        Assert.Null(target.Value);
    }

    [Fact]
    public void TargetMilli_Value_FillsValue()
    {
        var target = MetricTargets.TargetMilli("Value", 0.5);

        Assert.Equal("Value", target.Type);
        Assert.Equal("500m", target.Value.ToString());
        Assert.Null(target.AverageValue);
    }

    [Fact]
    public void External_BuildsExternalSpec()
    {
        var spec = MetricTargets.External("s0-prometheus", MetricTargets.Target("AverageValue", 5));

        Assert.Equal("External", spec.Type);
        Assert.Equal("s0-prometheus", spec.External.Metric.Name);
        Assert.Equal("5", spec.External.Target.AverageValue.ToString());
    }
}
