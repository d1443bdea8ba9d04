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

    // KEDA's testPrometheusAuthMetadata table: metadata + authParams + pod identity → isError.
    public static TheoryData<string, string, Dictionary<string, string>, string, bool> KedaAuthTable => new()
    {
        { "success TLS", "tls", new() { ["ca"] = "caaa", ["cert"] = "ceert", ["key"] = "keey" }, "", false },
        { "TLS, ca is optional", "tls", new() { ["cert"] = "ceert", ["key"] = "keey" }, "", false },
        { "fail TLS, key not given", "tls", new() { ["ca"] = "caaa", ["cert"] = "ceert" }, "", true },
        { "fail TLS, cert not given", "tls", new() { ["ca"] = "caaa", ["key"] = "keey" }, "", true },
        { "success bearer default", "bearer", new() { ["bearerToken"] = "tooooken" }, "", false },
        { "fail bearerAuth with no token", "bearer", new(), "", true },
        { "success basicAuth", "basic", new() { ["username"] = "user", ["password"] = "pass" }, "", false },
        { "fail basicAuth with no username", "basic", new(), "", true },
        { "tls and basic", "tls, basic", new() { ["ca"] = "caaa", ["cert"] = "ceert", ["key"] = "keey", ["username"] = "user", ["password"] = "pass" }, "", false },
        { "tls and basic without cert", "tls,basic", new() { ["username"] = "user", ["password"] = "pass" }, "", true },
        { "success custom auth", "custom", new() { ["customAuthHeader"] = "header", ["customAuthValue"] = "value" }, "", false },
        { "fail custom auth with no customAuthHeader", "custom", new() { ["customAuthHeader"] = "" }, "", true },
        { "fail custom auth with no customAuthValue", "custom", new() { ["customAuthValue"] = "" }, "", true },
        { "custom auth with newlines", "custom", new() { ["customAuthHeader"] = "header\n", ["customAuthValue"] = "value\n" }, "", false },
        { "pod identity and other auth modes", "basic", new() { ["username"] = "user", ["password"] = "pass" }, "azure-workload", true },
        { "azure workload identity", "", new(), "azure-workload", false },
    };

    [Theory]
    [MemberData(nameof(KedaMetadataTable))]
    public void Parse_KedaMetadataTable_MatchesKeda(string name, Dictionary<string, string> metadata, bool isError)
    {
        var errors = PrometheusScalerTestConfig.ParseErrors(new ScalerConfig { TriggerType = "prometheus", TriggerMetadata = metadata });

        Assert.True(isError == (errors is not null), $"{name}: {errors}");
    }

    [Theory]
    [MemberData(nameof(KedaAuthTable))]
    public void Parse_KedaAuthTable_MatchesKeda(string name, string authModes, Dictionary<string, string> authParams, string podIdentity, bool isError)
    {
        var metadata = Meta(("authModes", authModes));
        var config = new ScalerConfig
        {
            TriggerType = "prometheus",
            TriggerMetadata = metadata,
            AuthParams = authParams,
            PodIdentity = podIdentity.Length == 0 ? PodIdentity.None : new PodIdentity(podIdentity),
        };

        var errors = PrometheusScalerTestConfig.ParseErrors(config);

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
    public void Build_PodIdentityWithAuthModes_UsesKedaMessage()
    {
        var result = PrometheusScaler.Build(new ScalerConfig
        {
            TriggerType = "prometheus",
            TriggerMetadata = Meta(("authModes", "bearer")),
            AuthParams = new Dictionary<string, string> { ["bearerToken"] = "t" },
            PodIdentity = new PodIdentity("azure-workload"),
        });

        Assert.Equal("error parsing prometheus metadata: pod identity cannot be enabled with other auth types", Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData("bearer,basic")]
    [InlineData("oauth, bearer")]
    public void Build_TwoExclusiveAuthModes_AreRejected(string authModes)
    {
        var result = PrometheusScaler.Build(new ScalerConfig
        {
            TriggerType = "prometheus",
            TriggerMetadata = Meta(("authModes", authModes)),
            AuthParams = new Dictionary<string, string> { ["bearerToken"] = "t", ["username"] = "u" },
        });

        Assert.Contains("must contain only one of [bearer basic oauth]", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownAuthMode_ListsAcceptedValues()
    {
        var result = PrometheusScaler.Build(new ScalerConfig { TriggerType = "prometheus", TriggerMetadata = Meta(("authModes", "kerberos")) });

        Assert.Contains("must be one of [apiKey basic tls bearer custom oauth]", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("oauth", "oauthTokenURI, clientID and clientSecret are required when oauth is enabled")]
    [InlineData("apiKey", "apiKey is required when apiKey auth is enabled")]
    public void Build_IncompleteUnappliedAuthModes_AreValidated(string authModes, string message)
    {
        var result = PrometheusScaler.Build(new ScalerConfig { TriggerType = "prometheus", TriggerMetadata = Meta(("authModes", authModes)) });

        Assert.EndsWith(message, Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AuthModeAliasFromAuthParams_IsHonoured()
    {
        var result = PrometheusScaler.Build(new ScalerConfig
        {
            TriggerType = "prometheus",
            TriggerMetadata = Meta(),
            AuthParams = new Dictionary<string, string> { ["authMode"] = "bearer" },
        });

        Assert.EndsWith("bearer token is required when bearer auth is enabled", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TlsWithUnparsableCertificate_FailsWithoutEchoingIt()
    {
        var result = PrometheusScaler.Build(new ScalerConfig
        {
            TriggerType = "prometheus",
            TriggerMetadata = Meta(("authModes", "tls")),
            AuthParams = new Dictionary<string, string> { ["cert"] = "ceert", ["key"] = "keey-secret" },
        });

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("error creating the TLS config", error, StringComparison.Ordinal);
        Assert.DoesNotContain("keey-secret", error, StringComparison.Ordinal);
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
