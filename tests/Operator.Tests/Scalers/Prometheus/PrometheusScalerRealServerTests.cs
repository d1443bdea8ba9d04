using Operator.Scalers;

namespace Operator.Tests.Scalers.Prometheus;

/// <summary>The scaler against a real Prometheus (see <see cref="PrometheusServerFixture"/>).</summary>
[Collection(PrometheusServerCollection.Name)]
public sealed class PrometheusScalerRealServerTests(PrometheusServerFixture prometheus)
{
    [Fact]
    public async Task Query_SingleSeries_ReturnsItsValue()
    {
        var result = await QueryAsync("keda_test_single", ("activationThreshold", "40"));

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(new MetricValue("s0-prometheus", 42.5), Assert.Single(result.Metrics));
        Assert.True(result.IsActive);
    }

    [Fact]
    public async Task Query_ScrapedTarget_IsQueryable()
    {
        // max_over_time keeps the assertion stable if one scrape of the loaded test machine times out.
        var result = await QueryAsync("max_over_time(keda_test_scraped[5m])");

        Assert.Equal(17, Assert.Single(result.Metrics).Value);
    }

    [Fact]
    public async Task Query_Aggregation_ReturnsOneValue()
    {
        var result = await QueryAsync("sum(keda_test_multi)");

        Assert.Equal(3, Assert.Single(result.Metrics).Value);
    }

    [Fact]
    public async Task Query_EmptyResult_IsZeroWithIgnoreNullValues()
    {
        var result = await QueryAsync("keda_test_absent_metric");

        Assert.Equal(0, Assert.Single(result.Metrics).Value);
        Assert.False(result.IsActive);
    }

    [Fact]
    public async Task Query_EmptyResult_IsErrorWithoutIgnoreNullValues()
    {
        var result = await QueryAsync("keda_test_absent_metric", ("ignoreNullValues", "false"));

        Assert.Equal("prometheus metrics 'prometheus' target may be lost, the result is empty", result.Error);
    }

    [Fact]
    public async Task Query_MultipleSeries_IsError()
    {
        var result = await QueryAsync("keda_test_multi");

        Assert.Equal("prometheus query keda_test_multi returned multiple elements", result.Error);
    }

    [Theory]
    [InlineData("vector(0) / 0", "NaN")]
    [InlineData("vector(1) / 0", "+Inf")]
    [InlineData("vector(-1) / 0", "-Inf")]
    public async Task Query_NonFiniteValue_IsZeroWithIgnoreNullValues(string query, string _)
    {
        var result = await QueryAsync(query);

        Assert.Equal(0, Assert.Single(result.Metrics).Value);
    }

    [Theory]
    [InlineData("vector(0) / 0", "NaN")]
    [InlineData("vector(1) / 0", "+Inf")]
    [InlineData("vector(-1) / 0", "-Inf")]
    public async Task Query_NonFiniteValue_IsErrorWithoutIgnoreNullValues(string query, string rendered)
    {
        var result = await QueryAsync(query, ("ignoreNullValues", "false"));

        Assert.Equal($"prometheus query returns {rendered}", result.Error);
    }

    [Fact]
    public async Task Query_ScalarResult_IsDecodeErrorLikeKeda()
    {
        // KEDA decodes data.result as a list of series; a scalar result ([time, "value"]) does not fit.
        var result = await QueryAsync("scalar(sum(keda_test_multi))");

        Assert.StartsWith("error decoding prometheus response", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_InvalidPromQl_IsStatusError()
    {
        var result = await QueryAsync("sum(");

        Assert.Equal("prometheus query api returned error. status: 400", result.Error);
    }

    private async Task<ScalerResult> QueryAsync(string query, params (string Key, string Value)[] metadata)
    {
        var address = prometheus.RequireAddress();
        var config = PrometheusScalerHttpTests.Config(address, [("query", query), .. metadata]);
        await using var scaler = PrometheusScalerTestConfig.BuildOk(config);
        return await scaler.GetMetricsAndActivityAsync("s0-prometheus", TestContext.Current.CancellationToken);
    }
}
