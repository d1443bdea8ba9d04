using Microsoft.Extensions.Time.Testing;
using Operator.Scalers;

namespace Operator.Tests.Scalers.Prometheus;

/// <summary>Failures of every kind must never echo a credential.</summary>
public sealed class PrometheusScalerSecretTests : IDisposable
{
    private const string Token = "s3cr3t-bearer-token";
    private const string Password = "s3cr3t-password";
    private const string CustomValue = "s3cr3t-custom-value";
    private const string UrlPassword = "s3cr3t-url-password";
    private readonly TestCertificates _certs = TestCertificates.Create();

    public void Dispose() => _certs.Dispose();

    [Theory]
    [InlineData("bearer", 401, "{}")]
    [InlineData("basic", 403, "{}")]
    [InlineData("custom", 200, "not json")]
    [InlineData("bearer", 200, """{"data":{"result":[{"value":[1,"x"]},{"value":[1,"y"]}]}}""")]
    public async Task ErrorResult_NeverContainsCredentials(string authModes, int status, string body)
    {
        await using var server = await PrometheusStubServer.StartAsync(body, status);

        var error = await QueryErrorAsync(server.Address, authModes);

        AssertNoSecret(error);
    }

    [Fact]
    public async Task ConnectionFailure_NeverContainsCredentials()
    {
        string address;
        await using (var server = await PrometheusStubServer.StartAsync("{}"))
        {
            address = server.Address;
        }

        AssertNoSecret(await QueryErrorAsync(address.Replace("http://", $"http://user:{UrlPassword}@", StringComparison.Ordinal), "bearer"));
    }

    [Fact]
    public async Task TlsFailure_NeverContainsCredentials()
    {
        await using var server = await PrometheusStubServer.StartAsync("{}", serverCertificate: _certs.Server);

        AssertNoSecret(await QueryErrorAsync(server.Address.Replace("http://", "https://", StringComparison.Ordinal), "basic"));
    }

    [Fact]
    public async Task Timeout_NeverContainsCredentials()
    {
        var time = new FakeTimeProvider();

        var result = await PrometheusStubServer.QueryWithHangingServerAsync(
            address => Build(address.Replace("http://", $"http://user:{UrlPassword}@", StringComparison.Ordinal), "custom", time), time, TimeSpan.FromSeconds(3));

        AssertNoSecret(result.Error);
    }

    [Fact]
    public void BuildError_NeverContainsKeyMaterial()
    {
        var config = PrometheusScalerHttpTests.Config("https://127.0.0.1:1", ("authModes", "tls")) with
        {
            AuthParams = new Dictionary<string, string> { ["cert"] = _certs.ClientCertPem, ["key"] = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----" },
        };

        var error = Assert.Single(Operator.Scalers.Prometheus.PrometheusScaler.Build(config).Errors);

        Assert.DoesNotContain("bm90IGEga2V5", error, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN", error, StringComparison.Ordinal);
    }

    private static void AssertNoSecret(string? error)
    {
        Assert.NotNull(error);
        foreach (var secret in new[] { Token, Password, CustomValue, UrlPassword })
        {
            Assert.DoesNotContain(secret, error, StringComparison.Ordinal);
        }
    }

    private static async Task<string?> QueryErrorAsync(string address, string authModes)
    {
        await using var scaler = Build(address, authModes, new FakeTimeProvider());
        return (await scaler.GetMetricsAndActivityAsync("s0-prometheus", TestContext.Current.CancellationToken)).Error;
    }

    private static IScaler Build(string address, string authModes, TimeProvider time)
    {
        var config = PrometheusScalerHttpTests.Config(address, ("authModes", authModes), ("query", "up")) with
        {
            AuthParams = new Dictionary<string, string>
            {
                ["bearerToken"] = Token,
                ["username"] = "user",
                ["password"] = Password,
                ["customAuthHeader"] = "X-Key",
                ["customAuthValue"] = CustomValue,
            },
        };
        return PrometheusScalerTestConfig.BuildOk(config, time);
    }
}
