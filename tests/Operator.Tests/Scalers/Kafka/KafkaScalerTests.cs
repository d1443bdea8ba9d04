using Operator.Scalers.Kafka;

namespace Operator.Tests.Scalers.Kafka;

public sealed class KafkaScalerTests
{
    [Theory]
    [InlineData("bootstrapServers=foobar:9092|consumerGroup=my-group|topic=my-topic", 0, "s0-kafka-my-topic")]
    [InlineData("bootstrapServers=foobar:9092|consumerGroup=my-group|topic=my-topic", 1, "s1-kafka-my-topic")]
    [InlineData("bootstrapServers=foobar:9092|consumerGroup=my-group", 1, "s1-kafka-my-group-topics")]
    [InlineData("bootstrapServers=foobar:9092|consumerGroup=g|topic=orders.v1", 2, "s2-kafka-orders-v1")]
    public void GetMetricSpecs_UsesKedaMetricNames(string metadata, int index, string expected)
    {
        var spec = Assert.Single(KafkaTestConfigs.Build(metadata, "", index).Scaler!.GetMetricSpecs());

        Assert.Equal("External", spec.Type);
        Assert.Equal(expected, spec.External.Metric.Name);
    }

    [Fact]
    public void GetMetricSpecs_TargetsLagThresholdAsAverageValue()
    {
        var spec = Assert.Single(KafkaTestConfigs.Build(
            "bootstrapServers=b:9092|consumerGroup=my-group|topic=my-topic|lagThreshold=10|activationLagThreshold=5", "").Scaler!.GetMetricSpecs());

        Assert.Equal("AverageValue", spec.External.Target.Type);
        Assert.Equal("10", spec.External.Target.AverageValue.ToString());
    }

    [Fact]
    public void GetMetricSpecs_DefaultLagThresholdIsTen()
    {
        var scaler = (KafkaScaler)KafkaTestConfigs.Build("bootstrapServers=b:9092|consumerGroup=g|topic=t", "").Scaler!;

        Assert.Equal(10, scaler.Metadata.LagThreshold);
        Assert.Equal("10", scaler.GetMetricSpecs()[0].External.Target.AverageValue.ToString());
    }

    [Fact]
    public void Build_UtilizationMetricType_IsRejected()
    {
        var result = Operator.Scalers.ScalerRegistry.Build(new Operator.Scalers.ScalerConfig
        {
            TriggerType = "kafka",
            MetricType = "Utilization",
            TriggerMetadata = TestMaps.Parse("bootstrapServers=b:9092|consumerGroup=g"),
        });

        Assert.Equal(["error getting scaler metric type: 'Utilization' metric type is unsupported for external metrics, allowed values are 'Value' or 'AverageValue'"], result.Errors);
    }

    [Fact]
    public async Task GetMetricsAndActivity_WithAnUnreachableBroker_IsAFailureResult()
    {
        await using var scaler = KafkaTestConfigs.Build("bootstrapServers=127.0.0.1:1|consumerGroup=g|topic=t", "").Scaler!;

        var result = await scaler.GetMetricsAndActivityAsync("s0-kafka-t", TestContext.Current.CancellationToken);

        Assert.False(result.IsSuccess);
        Assert.Contains("group g", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Metrics);
    }

    [Fact]
    public void Build_TypedConfigErrors_AreWrappedTwiceLikeKeda()
    {
        var result = KafkaTestConfigs.Build("consumerGroup=g|lagThreshold=x", "");

        Assert.Equal(
            [
                "error parsing kafka metadata: error parsing kafka metadata: missing required parameter \"bootstrapServers\" in [triggerMetadata resolvedEnv]\n"
                + "unable to set param \"lagThreshold\" value \"x\": unable to unmarshal to field type int64: invalid character 'x' looking for beginning of value\n"
                + "\"lagThreshold\" must be positive number",
            ],
            result.Errors);
    }
}
