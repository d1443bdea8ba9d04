using Microsoft.Extensions.Time.Testing;
using Operator.Scalers;
using Operator.Scalers.Prometheus;

namespace Operator.Tests.Scalers.Prometheus;

public sealed class PrometheusScalerHttpTests
{
    private const string OneValue = """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1700000000,"42"]}]}}""";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task Query_SendsKedaRequestShape()
    {
        await using var server = await PrometheusStubServer.StartAsync(OneValue);
        await using var scaler = Build(server.Address, ("query", "sum(rate(x{a=\"b & c\"}[1m]))"), ("namespace", "team-a"),
            ("queryParameters", "param1=value with spaces,param2=测试"), ("customHeaders", "X-Scope-OrgID=tenant-1,X-Client-Id=cid"));

        var result = await scaler.GetMetricsAndActivityAsync("s0-prometheus", TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.Error);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/api/v1/query", request.Path);
        Assert.Equal("sum(rate(x{a=\"b & c\"}[1m]))", request.Query["query"]);
        Assert.Equal("2026-11-25T03:04:05Z", request.Query["time"]);
        Assert.Equal("team-a", request.Query["namespace"]);
        Assert.Equal("value with spaces", request.Query["param1"]);
        Assert.Equal("测试", request.Query["param2"]);
        Assert.Equal("tenant-1", request.Headers["X-Scope-OrgID"]);
        Assert.Equal("cid", request.Headers["X-Client-Id"]);
    }

    [Theory]
    [InlineData("", "/api/v1/query")]
    [InlineData("/", "/api/v1/query")]
    [InlineData("/prometheus", "/prometheus/api/v1/query")]
    [InlineData("/prometheus/", "/prometheus/api/v1/query")]
    public async Task Query_TrailingSlashOnServerAddress_IsIgnored(string suffix, string expectedPath)
    {
        await using var server = await PrometheusStubServer.StartAsync(OneValue);
        await using var scaler = Build(server.Address + suffix);

        var result = await scaler.GetMetricsAndActivityAsync("s0-prometheus", TestContext.Current.CancellationToken);

        Assert.Equal(42, Assert.Single(result.Metrics).Value);
        Assert.Equal(expectedPath, Assert.Single(server.Requests).Path);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(503)]
    [InlineData(302)]
    public async Task Query_Non2xxStatus_IsKedaError(int status)
    {
        await using var server = await PrometheusStubServer.StartAsync("{}", status);
        await using var scaler = Build(server.Address);

        var result = await scaler.GetMetricsAndActivityAsync("s0-prometheus", TestContext.Current.CancellationToken);

        Assert.Equal($"prometheus query api returned error. status: {status}", result.Error);
    }

    [Theory]
    [InlineData("5", "5", false)]
    [InlineData("5.5", "5", true)]
    [InlineData("0", "0", false)]
    public async Task Query_ActivityIsValueStrictlyAboveActivationThreshold(string value, string activation, bool active)
    {
        await using var server = await PrometheusStubServer.StartAsync($$$"""{"data":{"result":[{"value":[1,"{{{value}}}"]}]}}""");
        await using var scaler = Build(server.Address, ("activationThreshold", activation));

        var result = await scaler.GetMetricsAndActivityAsync("s0-prometheus", TestContext.Current.CancellationToken);

        Assert.Equal(active, result.IsActive);
        Assert.Equal(new MetricValue("s0-prometheus", double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)), Assert.Single(result.Metrics));
    }

    [Fact]
    public async Task Query_Timeout_FailsWhenTheServerDoesNotAnswerInTime()
    {
        var time = new FakeTimeProvider(Now);

        var result = await PrometheusStubServer.QueryWithHangingServerAsync(address => Build(address, time, ("timeout", "500")), time, TimeSpan.FromMilliseconds(500));

        Assert.Contains("context deadline exceeded (Client.Timeout of 500ms exceeded)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_ConnectionRefused_IsErrorResult()
    {
        string address;
        await using (var server = await PrometheusStubServer.StartAsync(OneValue))
        {
            address = server.Address;
        }

        await using var scaler = Build(address);

        var result = await scaler.GetMetricsAndActivityAsync("s0-prometheus", TestContext.Current.CancellationToken);

        Assert.StartsWith($"Get \"{address}/api/v1/query?query=up&time=", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_ServerAddressWithoutScheme_IsErrorResult()
    {
        await using var scaler = Build("localhost:9090");

        var result = await scaler.GetMetricsAndActivityAsync("s0-prometheus", TestContext.Current.CancellationToken);

        Assert.False(result.IsSuccess);
    }

    [Fact]
    public void Build_SameTransportSettings_ShareOneNamedClient()
    {
        var config = Config("http://127.0.0.1:1");
        var first = (PrometheusScaler)PrometheusScaler.Build(config).Scaler!;
        var second = (PrometheusScaler)PrometheusScaler.Build(config with { TriggerIndex = 1 }).Scaler!;
        var insecure = (PrometheusScaler)PrometheusScaler.Build(Config("http://127.0.0.1:1", ("unsafeSsl", "true"))).Scaler!;

        Assert.Equal(first.Tls.ClientName, second.Tls.ClientName);
        Assert.NotEqual(first.Tls.ClientName, insecure.Tls.ClientName);
    }

    internal static ScalerConfig Config(string serverAddress, params (string Key, string Value)[] metadata)
    {
        var values = PrometheusScalerBuildTests.Meta(metadata);
        values["serverAddress"] = serverAddress;
        return new ScalerConfig { TriggerType = "prometheus", TriggerMetadata = values };
    }

    private static IScaler Build(string serverAddress, params (string Key, string Value)[] metadata) =>
        Build(serverAddress, new FakeTimeProvider(Now), metadata);

    private static IScaler Build(string serverAddress, TimeProvider time, params (string Key, string Value)[] metadata) =>
        PrometheusScalerTestConfig.BuildOk(Config(serverAddress, metadata), time);
}
