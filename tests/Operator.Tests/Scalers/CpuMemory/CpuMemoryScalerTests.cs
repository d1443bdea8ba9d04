using Operator.Scalers;

namespace Operator.Tests.Scalers.CpuMemory;

// KEDA pkg/scalers/cpu_memory_scaler_test.go: metadata table and metric specs.
public sealed class CpuMemoryScalerTests
{
    private static ScalerBuildResult Build(string type, string metadata, string metricType) =>
        ScalerRegistry.Build(new ScalerConfig { TriggerType = type, TriggerMetadata = TestMaps.Parse(metadata), MetricType = metricType });

    [Theory]
    [InlineData("value=50", "Utilization", false)]
    [InlineData("value=50", "AverageValue", false)]
    [InlineData("value=50|containerName=foo", "Utilization", false)]
    [InlineData("value=512Mi", "AverageValue", false)]
    [InlineData("", "Utilization", true)]
    [InlineData("value=50", "", true)]
    [InlineData("value=50", "Value", true)]
    [InlineData("type=Utilization|value=50", "", true)]
    [InlineData("type=Utilization|value=50", "Utilization", true)]
    [InlineData("value=50.5", "Utilization", true)]
    [InlineData("value=abc", "AverageValue", true)]
    public void Build_MatchesKedaParseTable(string metadata, string metricType, bool isError)
    {
        Assert.Equal(isError, !Build("cpu", metadata, metricType).IsSuccess);
    }

    [Fact]
    public void Build_TypeKey_IsRemovedSetting()
    {
        Assert.Equal(
            ["error parsing cpu metadata: scaler cpu info: The 'type' setting is DEPRECATED and is removed in v2.18 - Use 'metricType' instead."],
            Build("cpu", "type=Utilization|value=50", "Utilization").Errors);
    }

    [Fact]
    public void Build_ValueMetricType_IsKedaError()
    {
        Assert.Equal(
            ["error parsing memory metadata: unknown metric type: Value, allowed values are 'Utilization' or 'AverageValue'"],
            Build("memory", "value=50", "Value").Errors);
    }

    [Fact]
    public void GetMetricSpecs_Utilization_IsResourceSpec()
    {
        var spec = Assert.Single(Build("cpu", "value=60", "Utilization").Scaler!.GetMetricSpecs());

        Assert.Equal("Resource", spec.Type);
        Assert.Equal("cpu", spec.Resource.Name);
        Assert.Equal("Utilization", spec.Resource.Target.Type);
        Assert.Equal(60, spec.Resource.Target.AverageUtilization);
        Assert.Null(spec.External);
    }

    [Fact]
    public void GetMetricSpecs_ContainerName_IsContainerResourceSpec()
    {
        var spec = Assert.Single(Build("memory", "value=60|containerName=api", "Utilization").Scaler!.GetMetricSpecs());

        Assert.Equal("ContainerResource", spec.Type);
        Assert.Equal("memory", spec.ContainerResource.Name);
        Assert.Equal("api", spec.ContainerResource.Container);
        Assert.Equal(60, spec.ContainerResource.Target.AverageUtilization);
    }

    [Fact]
    public void GetMetricSpecs_AverageValue_IsQuantity()
    {
        var spec = Assert.Single(Build("memory", "value=512Mi", "AverageValue").Scaler!.GetMetricSpecs());

        Assert.Equal("AverageValue", spec.Resource.Target.Type);
        Assert.Equal("512Mi", spec.Resource.Target.AverageValue.ToString());
    }

    [Fact]
    public async Task GetMetricsAndActivity_IsEmptyAndActive()
    {
        await using var scaler = Build("cpu", "value=60", "Utilization").Scaler!;

        var result = await scaler.GetMetricsAndActivityAsync("cpu", TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess);
        Assert.True(result.IsActive);
        Assert.Empty(result.Metrics);
    }

    [Theory]
    [InlineData("50.5", "invalid syntax")]
    [InlineData("3000000000", "value out of range")]
    public void Build_BadUtilization_ReportsGoParseIntError(string value, string reason)
    {
        Assert.Equal(
            [$"error parsing cpu metadata: strconv.ParseInt: parsing \"{value}\": {reason}"],
            Build("cpu", "value=" + value, "Utilization").Errors);
    }
}
