using System.Text;
using Operator.Scalers;

namespace Operator.Tests.Scalers.Prometheus;

/// <summary>Auth modes and TLS against an HTTPS Kestrel stub with a generated CA.</summary>
public sealed class PrometheusScalerTlsAuthTests : IDisposable
{
    private const string OneValue = """{"data":{"result":[{"value":[1,"7"]}]}}""";
    private readonly TestCertificates _certs = TestCertificates.Create();

    public void Dispose() => _certs.Dispose();

    [Fact]
    public async Task Https_UntrustedServerCertificate_IsErrorResult()
    {
        await using var server = await PrometheusStubServer.StartAsync(OneValue, serverCertificate: _certs.Server);

        var result = await QueryAsync(server.Address, []);

        Assert.False(result.IsSuccess);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Https_UnsafeSsl_SkipsVerification()
    {
        await using var server = await PrometheusStubServer.StartAsync(OneValue, serverCertificate: _certs.Server);

        var result = await QueryAsync(server.Address, [], ("unsafeSsl", "true"));

        Assert.Equal(7, Assert.Single(result.Metrics).Value);
    }

    [Fact]
    public async Task Https_BearerWithCa_TrustsTheCaAndSendsTheToken()
    {
        await using var server = await PrometheusStubServer.StartAsync(OneValue, serverCertificate: _certs.Server);

        var result = await QueryAsync(server.Address, new() { ["bearerToken"] = "tok-1\n", ["ca"] = _certs.CaPem }, ("authModes", "bearer"));

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal("Bearer tok-1", Assert.Single(server.Requests).Headers.Authorization);
    }

    [Fact]
    public async Task Https_TokenAlias_IsAcceptedForBearer()
    {
        await using var server = await PrometheusStubServer.StartAsync(OneValue);

        var result = await QueryAsync(server.Address, new() { ["token"] = "tok-2" }, ("authModes", "bearer"));

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal("Bearer tok-2", Assert.Single(server.Requests).Headers.Authorization);
    }

    [Fact]
    public async Task Https_CustomTlsTransport_IgnoresUnsafeSsl()
    {
        using var otherCa = TestCertificates.Create("some other CA");
        await using var server = await PrometheusStubServer.StartAsync(OneValue, serverCertificate: _certs.Server);

        var result = await QueryAsync(server.Address, new() { ["bearerToken"] = "t", ["ca"] = otherCa.CaPem }, ("authModes", "bearer"), ("unsafeSsl", "true"));

        Assert.False(result.IsSuccess);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Https_TlsMode_PresentsTheClientCertificate()
    {
        await using var server = await PrometheusStubServer.StartAsync(OneValue, serverCertificate: _certs.Server);

        var result = await QueryAsync(server.Address, new() { ["cert"] = _certs.ClientCertPem, ["key"] = _certs.ClientKeyPem, ["ca"] = _certs.CaPem }, ("authModes", "tls"));

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(_certs.Client.Thumbprint, Assert.Single(server.Requests).ClientCertificate?.Thumbprint);
    }

    [Fact]
    public async Task Http_BasicAuth_SendsUsernameAndPassword()
    {
        await using var server = await PrometheusStubServer.StartAsync(OneValue);

        var result = await QueryAsync(server.Address, new() { ["username"] = "user", ["password"] = "pass" }, ("authModes", "basic"));

        Assert.True(result.IsSuccess, result.Error);
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:pass"));
        Assert.Equal(expected, Assert.Single(server.Requests).Headers.Authorization);
    }

    [Fact]
    public async Task Http_BasicAuthWithoutPassword_SendsEmptyPassword()
    {
        await using var server = await PrometheusStubServer.StartAsync(OneValue);

        await QueryAsync(server.Address, new() { ["username"] = "apikey" }, ("authModes", "basic"));

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("apikey:"));
        Assert.Equal(expected, Assert.Single(server.Requests).Headers.Authorization);
    }

    [Fact]
    public async Task Http_CustomAuth_SendsTheConfiguredHeader()
    {
        await using var server = await PrometheusStubServer.StartAsync(OneValue);

        await QueryAsync(server.Address, new() { ["customAuthHeader"] = "X-Api-Key", ["customAuthValue"] = "v-1" }, ("authModes", "custom"));

        Assert.Equal("v-1", Assert.Single(server.Requests).Headers["X-Api-Key"]);
    }

    [Fact]
    public async Task Http_BearerAndCustom_BearerWins()
    {
        await using var server = await PrometheusStubServer.StartAsync(OneValue);

        await QueryAsync(server.Address, new() { ["bearerToken"] = "b", ["customAuthHeader"] = "X-Api-Key", ["customAuthValue"] = "v" }, ("authModes", "custom,bearer"));

        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer b", request.Headers.Authorization);
        Assert.False(request.Headers.ContainsKey("X-Api-Key"));
    }

    [Fact]
    public async Task Http_AuthHeaderReplacesACustomAuthorizationHeader()
    {
        await using var server = await PrometheusStubServer.StartAsync(OneValue);

        await QueryAsync(server.Address, new() { ["bearerToken"] = "b" }, ("authModes", "bearer"), ("customHeaders", "Authorization=Other x"));

        Assert.Equal("Bearer b", Assert.Single(server.Requests).Headers.Authorization);
    }

    private static async Task<ScalerResult> QueryAsync(string address, Dictionary<string, string> authParams, params (string Key, string Value)[] metadata)
    {
        var config = PrometheusScalerHttpTests.Config(address, metadata) with { AuthParams = authParams };
        await using var scaler = PrometheusScalerTestConfig.BuildOk(config);
        return await scaler.GetMetricsAndActivityAsync("s0-prometheus", TestContext.Current.CancellationToken);
    }
}
