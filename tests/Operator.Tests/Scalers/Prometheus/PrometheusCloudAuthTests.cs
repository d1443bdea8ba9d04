using Azure.Core;
using Microsoft.Extensions.Time.Testing;
using Operator.Scalers;
using Operator.Scalers.Http;
using Operator.Scalers.Prometheus;

namespace Operator.Tests.Scalers.Prometheus;

/// <summary>Azure Managed Prometheus (workload identity tokens) and Amazon Managed Prometheus (SigV4).</summary>
public sealed class PrometheusCloudAuthTests
{
    private const string OneValue = """{"data":{"result":[{"value":[1,"3"]}]}}""";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("", "https://prometheus.monitor.azure.com/.default")]
    [InlineData("AzureUSGovernmentCloud", "https://prometheus.monitor.usgovcloudapi.net/.default")]
    [InlineData("azurechinacloud", "https://prometheus.monitor.chinacloudapp.cn/.default")]
    public async Task Build_AzureWorkload_UsesTheCloudScope(string cloud, string scope)
    {
        await using var scaler = (PrometheusScaler)PrometheusScalerTestConfig.BuildOk(AzureConfig(("cloud", cloud)));

        Assert.Equal(scope, Assert.IsType<AzureTokenAuthorizer>(scaler.Authorizer).Scope);
    }

    [Fact]
    public async Task Build_AzurePrivateCloud_UsesTheGivenResourceUrl()
    {
        await using var scaler = (PrometheusScaler)PrometheusScalerTestConfig.BuildOk(
            AzureConfig(("cloud", "Private"), ("azureManagedPrometheusResourceURL", "https://prom.example/.default")));

        Assert.Equal("https://prom.example/.default", Assert.IsType<AzureTokenAuthorizer>(scaler.Authorizer).Scope);
    }

    [Theory]
    [InlineData("Private", "azureManagedPrometheusResourceURL must be provided for Private cloud type")]
    [InlineData("AzureGermanCloud", "azure managed prometheus is not available in cloud AzureGermanCloud")]
    [InlineData("Mars", "invalid cloud environment Mars")]
    public void Build_AzureUnsupportedCloud_IsRejected(string cloud, string error)
    {
        var result = PrometheusScaler.Build(AzureConfig(("cloud", cloud)));

        Assert.Equal(error, Assert.Single(result.Errors));
    }

    [Fact]
    public async Task Query_AzureToken_IsSentAndCachedUntilNearExpiry()
    {
        await using var server = await PrometheusStubServer.StartAsync(OneValue);
        var time = new FakeTimeProvider(Now);
        var credential = new CountingCredential(time, TimeSpan.FromMinutes(60));
        await using var scaler = Scaler(server.Address, new AzureTokenAuthorizer(credential, "https://prometheus.monitor.azure.com/.default", time), time);

        await scaler.GetMetricsAndActivityAsync("s0-prometheus", TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromMinutes(50));
        await scaler.GetMetricsAndActivityAsync("s0-prometheus", TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromMinutes(6));
        await scaler.GetMetricsAndActivityAsync("s0-prometheus", TestContext.Current.CancellationToken);

        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], server.Requests.Select(r => r.Headers.Authorization.ToString()));
        Assert.Equal(["https://prometheus.monitor.azure.com/.default"], credential.Scopes.Distinct());
    }

    [Fact]
    public async Task Query_AzureCredentialUnavailable_IsErrorResult()
    {
        await using var server = await PrometheusStubServer.StartAsync(OneValue);
        var time = new FakeTimeProvider(Now);
        var credential = new Azure.Identity.WorkloadIdentityCredential(new Azure.Identity.WorkloadIdentityCredentialOptions
        {
            ClientId = "11111111-2222-3333-4444-555555555555",
            TenantId = "tenant",
            TokenFilePath = Path.Combine(Path.GetTempPath(), "keda-dotnet-missing-token-file"),
        });
        await using var scaler = Scaler(server.Address, new AzureTokenAuthorizer(credential, "https://prometheus.monitor.azure.com/.default", time), time);

        var result = await scaler.GetMetricsAndActivityAsync("s0-prometheus", TestContext.Current.CancellationToken);

        Assert.StartsWith("error getting Azure Managed Prometheus token:", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Query_AwsStaticKeys_SignsWhatItSends()
    {
        await using var server = await PrometheusStubServer.StartAsync(OneValue);
        var time = new FakeTimeProvider(Now);
        var config = PrometheusScalerHttpTests.Config(server.Address + "/workspaces/ws-1", ("awsRegion", "eu-west-1"), ("query", "sum(rate(x[1m])) * 2")) with
        {
            AuthParams = new Dictionary<string, string> { ["awsAccessKeyID"] = "AKIDTEST", ["awsSecretAccessKey"] = "secret/key", ["awsSessionToken"] = "session" },
        };
        await using var scaler = PrometheusScalerTestConfig.BuildOk(config, time);

        var result = await scaler.GetMetricsAndActivityAsync("s0-prometheus", TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.Error);
        var request = Assert.Single(server.Requests);
        Assert.Equal("20261125T030000Z", request.Headers["X-Amz-Date"]);
        Assert.Equal("session", request.Headers["X-Amz-Security-Token"]);
        // Re-sign the request as the server received it: the signature must cover exactly what went on the wire.
        var received = new Uri($"http://{request.Headers.Host}{request.Path}{request.RawQuery}");
        var expected = AwsSigV4Signer.Sign("GET", received, new AwsSigningCredentials("AKIDTEST", "secret/key", "session"), "eu-west-1", "aps", Now)
            .Single(h => h.Key == "Authorization").Value;
        Assert.Equal(expected, request.Headers.Authorization);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/20261125/eu-west-1/aps/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=", expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_AwsPodIdentityWithOperatorOwner_SignsWithTheDefaultChainOffline()
    {
        var metadata = PrometheusScalerHttpTests.Config("https://aps-workspaces.ap-northeast-2.amazonaws.com/workspaces/ws-0123456789",
            ("awsRegion", "ap-northeast-2"), ("identityOwner", "operator"));
        var config = metadata with { PodIdentity = new PodIdentity("aws") };

        await using var scaler = (PrometheusScaler)PrometheusScalerTestConfig.BuildOk(config);

        Assert.IsType<AwsSigV4Authorizer>(scaler.Authorizer);
        Assert.Equal("s0-prometheus", scaler.GetMetricSpecs()[0].External.Metric.Name);
    }

    [Fact]
    public async Task Query_OperatorIdentity_SignsWithTheResolvedTemporaryCredentials()
    {
        await using var server = await PrometheusStubServer.StartAsync(OneValue);
        var time = new FakeTimeProvider(Now);
        var identity = new Operator.Scalers.Aws.AwsAuthorization { Region = "us-west-2", UsingPodIdentity = true };
        var resolved = new Amazon.Runtime.SessionAWSCredentials("ASIAOPERATOR", "operator-secret", "operator-session");
        var signer = new AwsSigV4Authorizer(identity, null, "us-west-2", time, _ => Task.FromResult<Amazon.Runtime.AWSCredentials>(resolved));
        await using var scaler = Scaler(server.Address, signer, time);

        var result = await scaler.GetMetricsAndActivityAsync("s0-prometheus", TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.Error);
        var request = Assert.Single(server.Requests);
        Assert.Equal("operator-session", request.Headers["X-Amz-Security-Token"]);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=ASIAOPERATOR/20261125/us-west-2/aps/aws4_request", request.Headers.Authorization.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_OperatorIdentityUnavailable_IsErrorResult()
    {
        await using var server = await PrometheusStubServer.StartAsync(OneValue);
        var time = new FakeTimeProvider(Now);
        var identity = new Operator.Scalers.Aws.AwsAuthorization { Region = "us-west-2", UsingPodIdentity = true };
        var signer = new AwsSigV4Authorizer(identity, null, "us-west-2", time,
            _ => Task.FromException<Amazon.Runtime.AWSCredentials>(new Amazon.Runtime.AmazonClientException("Failed to resolve AWS credentials.")));
        await using var scaler = Scaler(server.Address, signer, time);

        var result = await scaler.GetMetricsAndActivityAsync("s0-prometheus", TestContext.Current.CancellationToken);

        Assert.Equal("error getting AWS credentials for SigV4 signing: Failed to resolve AWS credentials.", result.Error);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("operator", true)]
    [InlineData("pod", false)]
    [InlineData("", false)]
    public async Task Build_WithoutAwsKeys_SignsOnlyForTheOperatorIdentity(string owner, bool signs)
    {
        await using var scaler = (PrometheusScaler)PrometheusScalerTestConfig.BuildOk(PrometheusScalerHttpTests.Config("http://127.0.0.1:1", ("identityOwner", owner)));

        Assert.Equal(signs, scaler.Authorizer is AwsSigV4Authorizer);
    }

    [Fact]
    public async Task Query_AwsKeysFromEnvironment_AreUsedForSigning()
    {
        await using var server = await PrometheusStubServer.StartAsync(OneValue);
        var config = PrometheusScalerHttpTests.Config(server.Address, ("awsRegion", "us-east-1"), ("awsAccessKeyIDFromEnv", "AK"), ("awsSecretAccessKeyFromEnv", "SK")) with
        {
            ResolvedEnv = new Dictionary<string, string> { ["AK"] = "AKIDENV", ["SK"] = "env-secret" },
        };
        await using var scaler = PrometheusScalerTestConfig.BuildOk(config, new FakeTimeProvider(Now));

        await scaler.GetMetricsAndActivityAsync("s0-prometheus", TestContext.Current.CancellationToken);

        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDENV/20261125/us-east-1/aps/aws4_request", Assert.Single(server.Requests).Headers.Authorization.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_GcpCredentials_AreReportedAsNotSupported()
    {
        var config = PrometheusScalerHttpTests.Config("http://127.0.0.1:1") with
        {
            AuthParams = new Dictionary<string, string> { ["GoogleApplicationCredentials"] = "{}" },
        };

        Assert.Contains("is not supported", Assert.Single(PrometheusScaler.Build(config).Errors), StringComparison.Ordinal);
    }

    private static ScalerConfig AzureConfig(params (string Key, string Value)[] metadata) =>
        PrometheusScalerHttpTests.Config("https://my-workspace-abcd.eastus.prometheus.monitor.azure.com", metadata) with
        {
            PodIdentity = new PodIdentity("azure-workload", IdentityId: "11111111-2222-3333-4444-555555555555"),
        };

    private static PrometheusScaler Scaler(string address, IPrometheusRequestAuthorizer authorizer, TimeProvider time)
    {
        var settings = PrometheusScaler.ParseMetadata(PrometheusScalerHttpTests.Config(address)).Meta!;
        var built = new PrometheusSettings { ServerAddress = settings.ServerAddress, Query = settings.Query };
        return new PrometheusScaler(built, ScalerHttpClients.Default, ScalerTlsSettings.Default(false), [], authorizer, time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
    }

    private sealed class CountingCredential(TimeProvider time, TimeSpan lifetime) : TokenCredential
    {
        private int _issued;

        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken($"token-{++_issued}", time.GetUtcNow() + lifetime);
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
