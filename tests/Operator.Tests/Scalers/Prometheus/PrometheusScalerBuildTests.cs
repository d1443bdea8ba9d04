using Operator.Scalers;
using Operator.Scalers.Prometheus;

namespace Operator.Tests.Scalers.Prometheus;

public sealed class PrometheusScalerBuildTests
{
    private const string Server = "http://localhost:9090";

    // KEDA's testPromMetadata table (prometheus_scaler_test.go): metadata → isError.
    public static TheoryData<string, Dictionary<string, string>, bool> KedaMetadataTable => new()
    {
        { "empty", new(), true },
        { "all properly formed", Meta(("metricName", "http_requests_total")), false },
        { "with namespace", Meta(("namespace", "foo")), false },
        { "with ignoreNullValues", Meta(("ignoreNullValues", "false")), false },
        { "with activationThreshold", Meta(("activationThreshold", "50")), false },
        { "missing serverAddress", Meta(("serverAddress", "")), true },
        { "missing threshold", Without("threshold"), true },
        { "malformed threshold", Meta(("threshold", "one")), true },
        { "malformed activationThreshold", Meta(("activationThreshold", "one")), true },
        { "missing query", Meta(("query", "")), true },
        { "ignoreNullValues with wrong value", Meta(("ignoreNullValues", "xxxx")), true },
        { "unsafeSsl", Meta(("serverAddress", "https://localhost:9090"), ("unsafeSsl", "true")), false },
        { "customHeaders", Meta(("customHeaders", "key1=value1,key2=value2")), false },
        { "customHeaders with wrong format", Meta(("customHeaders", "key1=value1,key2")), true },
        { "queryParameters", Meta(("queryParameters", "key1=value1,key2=value2")), false },
        { "queryParameters with wrong format", Meta(("queryParameters", "key1=value1,key2")), true },
        { "valid timeout", Meta(("timeout", "1000")), false },
        { "negative timeout", Meta(("timeout", "-1")), true },
        { "timeout not a number", Meta(("timeout", "a")), true },
    };

    [Theory]
    [MemberData(nameof(KedaMetadataTable))]
    public void Parse_KedaMetadataTable_MatchesKeda(string name, Dictionary<string, string> metadata, bool isError)
    {
        var errors = PrometheusScalerTestConfig.ParseErrors(new ScalerConfig { TriggerType = "prometheus", TriggerMetadata = metadata });

        Assert.True(isError == (errors is not null), $"{name}: {errors}");
    }

    [Theory]
    [InlineData(0, "s0-prometheus")]
    [InlineData(1, "s1-prometheus")]
    public async Task GetMetricSpecs_UsesTriggerIndex(int index, string expected)
    {
        await using var scaler = Build(new ScalerConfig { TriggerType = "prometheus", TriggerIndex = index, TriggerMetadata = Meta() });

        var spec = Assert.Single(scaler.GetMetricSpecs());

        Assert.Equal("External", spec.Type);
        Assert.Equal(expected, spec.External.Metric.Name);
    }

    [Fact]
    public async Task GetMetricSpecs_FractionalThreshold_IsMilliQuantityAverageValue()
    {
        await using var scaler = Build(new ScalerConfig { TriggerType = "prometheus", TriggerMetadata = Meta(("threshold", "100.50")) });

        var target = scaler.GetMetricSpecs()[0].External.Target;

        Assert.Equal("AverageValue", target.Type);
        Assert.Equal("100500m", target.AverageValue.ToString());
    }

    [Fact]
    public async Task GetMetricSpecs_ValueMetricType_SetsValueTarget()
    {
        await using var scaler = Build(new ScalerConfig { TriggerType = "prometheus", MetricType = "Value", TriggerMetadata = Meta(("threshold", "5")) });

        var target = scaler.GetMetricSpecs()[0].External.Target;

        Assert.Equal("Value", target.Type);
        Assert.Equal("5", target.Value.ToString());
    }

    [Fact]
    public void Build_UtilizationMetricType_IsRejected()
    {
        var result = PrometheusScaler.Build(new ScalerConfig { TriggerType = "prometheus", MetricType = "Utilization", TriggerMetadata = Meta() });

        Assert.Equal(
            "error getting scaler metric type: 'Utilization' metric type is unsupported for external metrics, allowed values are 'Value' or 'AverageValue'",
            Assert.Single(result.Errors));
    }

    [Fact]
    public void Build_MissingQuery_UsesKedaMessage()
    {
        var result = PrometheusScaler.Build(new ScalerConfig { TriggerType = "prometheus", TriggerMetadata = Without("query") });

        Assert.Equal(
            "error parsing prometheus metadata: error parsing prometheus metadata: missing required parameter \"query\" in [triggerMetadata]",
            Assert.Single(result.Errors));
    }

    [Fact]
    public void Build_TimeoutDefaultsToGlobalHttpTimeout()
    {
        var scaler = (PrometheusScaler)PrometheusScalerTestConfig.BuildOk(new ScalerConfig
        {
            TriggerType = "prometheus",
            TriggerMetadata = Meta(),
            GlobalHttpTimeout = TimeSpan.FromMilliseconds(1234),
        });

        Assert.Equal(TimeSpan.FromMilliseconds(1234), scaler.Settings.Timeout);
    }

    [Theory]
    [InlineData("1000", 1000)]
    [InlineData("30s", 30000)]
    public void Build_Timeout_AcceptsMillisecondsOrDuration(string timeout, int expectedMs)
    {
        var scaler = (PrometheusScaler)PrometheusScalerTestConfig.BuildOk(new ScalerConfig { TriggerType = "prometheus", TriggerMetadata = Meta(("timeout", timeout)) });

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), scaler.Settings.Timeout);
    }

    [Fact]
    public void Build_IgnoreNullValues_DefaultsToTrue()
    {
        var scaler = (PrometheusScaler)PrometheusScalerTestConfig.BuildOk(new ScalerConfig { TriggerType = "prometheus", TriggerMetadata = Meta() });

        Assert.True(scaler.Settings.IgnoreNullValues);
    }

    [Fact]
    public void Build_UnknownKeysSuchAsMetricNameAndCortexOrgId_AreIgnored()
    {
        var result = PrometheusScaler.Build(new ScalerConfig { TriggerType = "prometheus", TriggerMetadata = Meta(("metricName", "x"), ("cortexOrgID", "org")) });

        Assert.True(result.IsSuccess, string.Join('\n', result.Errors));
    }

    [Fact]
    public async Task Build_OpenShiftThanosExample_IsValidOffline()
    {
        // docs/examples/openshift-triggers.yaml: bearer token and CA from a secret, cortexOrgID/metricName ignored.
        const string ca = """
            -----BEGIN CERTIFICATE-----
            MIIBjTCCATOgAwIBAgIUHNdPo+LkpKckANHot0YodB2zUsAwCgYIKoZIzj0EAwIw
            HDEaMBgGA1UEAwwRZXhhbXBsZS10aGFub3MtY2EwHhcNMjYxMTIzMDA0NTUyWhcN
            MzYxMTIwMDA0NTUyWjAcMRowGAYDVQQDDBFleGFtcGxlLXRoYW5vcy1jYTBZMBMG
            ByqGSM49AgEGCCqGSM49AwEHA0IABPQEZj/uSf1o4MmgEpFMsQPZ2C1TnduvAEFv
            8DsaCc0or24lUvCSQuk4YOOzFmRYIzR9ZBpMhu5/RPVI0LPr19ujUzBRMB0GA1Ud
            DgQWBBSgi+XzqDOua3J2GMEp6d42MJDpDTAfBgNVHSMEGDAWgBSgi+XzqDOua3J2
            GMEp6d42MJDpDTAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCIQCB
            TH+imBl37/KvVLoz4e7ddHMmpvGOiZKGizQioDrMbgIgePMwR24/MnU51UrJG+q8
            AXN6+jmVEKUh4tjXJwcR5vw=
            -----END CERTIFICATE-----
            """;
        var config = new ScalerConfig
        {
            TriggerType = "prometheus",
            TriggerMetadata = new Dictionary<string, string>
            {
                ["serverAddress"] = "https://thanos-querier.openshift-monitoring.svc.cluster.local:9092",
                ["namespace"] = "kedatest",
                ["metricName"] = "http_requests_total",
                ["threshold"] = "5",
                ["query"] = "sum(rate(http_requests_total{job=\"test-app\"}[1m]))",
                ["authModes"] = "bearer",
                ["cortexOrgID"] = "my-org",
                ["ignoreNullValues"] = "false",
                ["unsafeSsl"] = "false",
            },
            AuthParams = new Dictionary<string, string> { ["bearerToken"] = "example-token", ["ca"] = ca },
        };

        await using var scaler = Build(config);

        var spec = Assert.Single(scaler.GetMetricSpecs());
        Assert.Equal("s0-prometheus", spec.External.Metric.Name);
        Assert.Equal("5", spec.External.Target.AverageValue.ToString());
    }

    internal static Dictionary<string, string> Meta(params (string Key, string Value)[] overrides)
    {
        var metadata = new Dictionary<string, string> { ["serverAddress"] = Server, ["threshold"] = "100", ["query"] = "up" };
        foreach (var (key, value) in overrides)
        {
            metadata[key] = value;
        }

        return metadata;
    }

    private static Dictionary<string, string> Without(string key)
    {
        var metadata = Meta();
        metadata.Remove(key);
        return metadata;
    }

    private static IScaler Build(ScalerConfig config) => PrometheusScalerTestConfig.BuildOk(config);
}
