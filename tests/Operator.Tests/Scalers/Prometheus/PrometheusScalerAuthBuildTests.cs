using Operator.Scalers;
using Operator.Scalers.Prometheus;

namespace Operator.Tests.Scalers.Prometheus;

/// <summary>authModes and their parameters (KEDA's authentication.Config) as the Prometheus scaler validates them.</summary>
public sealed class PrometheusScalerAuthBuildTests
{
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
    [MemberData(nameof(KedaAuthTable))]
    public void Parse_KedaAuthTable_MatchesKeda(string name, string authModes, Dictionary<string, string> authParams, string podIdentity, bool isError)
    {
        var metadata = PrometheusScalerBuildTests.Meta(("authModes", authModes));
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

    [Fact]
    public void Build_PodIdentityWithAuthModes_UsesKedaMessage()
    {
        var result = PrometheusScaler.Build(new ScalerConfig
        {
            TriggerType = "prometheus",
            TriggerMetadata = PrometheusScalerBuildTests.Meta(("authModes", "bearer")),
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
            TriggerMetadata = PrometheusScalerBuildTests.Meta(("authModes", authModes)),
            AuthParams = new Dictionary<string, string> { ["bearerToken"] = "t", ["username"] = "u" },
        });

        Assert.Contains("must contain only one of [bearer basic oauth]", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownAuthMode_ListsAcceptedValues()
    {
        var result = PrometheusScaler.Build(new ScalerConfig { TriggerType = "prometheus", TriggerMetadata = PrometheusScalerBuildTests.Meta(("authModes", "kerberos")) });

        Assert.Contains("must be one of [apiKey basic tls bearer custom oauth]", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("oauth", "oauthTokenURI, clientID and clientSecret are required when oauth is enabled")]
    [InlineData("apiKey", "apiKey is required when apiKey auth is enabled")]
    public void Build_IncompleteUnappliedAuthModes_AreValidated(string authModes, string message)
    {
        var result = PrometheusScaler.Build(new ScalerConfig { TriggerType = "prometheus", TriggerMetadata = PrometheusScalerBuildTests.Meta(("authModes", authModes)) });

        Assert.EndsWith(message, Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AuthModeAliasFromAuthParams_IsHonoured()
    {
        var result = PrometheusScaler.Build(new ScalerConfig
        {
            TriggerType = "prometheus",
            TriggerMetadata = PrometheusScalerBuildTests.Meta(),
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
            TriggerMetadata = PrometheusScalerBuildTests.Meta(("authModes", "tls")),
            AuthParams = new Dictionary<string, string> { ["cert"] = "ceert", ["key"] = "keey-secret" },
        });

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("error creating the TLS config", error, StringComparison.Ordinal);
        Assert.DoesNotContain("keey-secret", error, StringComparison.Ordinal);
    }
}
