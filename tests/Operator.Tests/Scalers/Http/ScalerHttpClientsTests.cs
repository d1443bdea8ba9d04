using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Operator.Scalers.Http;
using Operator.Tests.Scalers.Prometheus;

namespace Operator.Tests.Scalers.Http;

public sealed class ScalerHttpClientsTests : IDisposable
{
    private const string OneValue = """{"data":{"result":[{"value":[1,"7"]}]}}""";
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
    private readonly TestCertificates _certs = TestCertificates.Create();

    public void Dispose() => _certs.Dispose();

    [Fact]
    public void Create_DistinctTlsSettings_AreDistinctNamedClients_AndEqualOnesShareOne()
    {
        using var provider = ScalerHttpHost.Create();
        var clients = provider.GetRequiredService<ScalerHttpClients>();
        var custom = ScalerTlsSettings.Custom("", "", _certs.CaPem).Settings!;
        var sameCustom = ScalerTlsSettings.Custom("", "", _certs.CaPem).Settings!;

        using var a = clients.Create(ScalerTlsSettings.Default(false));
        using var b = clients.Create(ScalerTlsSettings.Default(false));
        using var c = clients.Create(ScalerTlsSettings.Default(true));
        using var d = clients.Create(custom);
        using var e = clients.Create(sameCustom);

        Assert.Equal(3, clients.ConfigurationCount);
        Assert.Equal(custom.ClientName, sameCustom.ClientName);
        Assert.Equal(3, new[] { ScalerTlsSettings.Default(false).ClientName, ScalerTlsSettings.Default(true).ClientName, custom.ClientName }.Distinct().Count());
        Assert.DoesNotContain(_certs.CaPem, custom.ClientName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_EachTlsConfiguration_GetsItsOwnPrimaryHandler()
    {
        await using var server = await PrometheusStubServer.StartAsync(OneValue, serverCertificate: _certs.Server);
        using var provider = ScalerHttpHost.Create();
        var clients = provider.GetRequiredService<ScalerHttpClients>();
        var token = TestContext.Current.CancellationToken;

        using var verifying = clients.Create(ScalerTlsSettings.Default(false));
        using var unsafeSsl = clients.Create(ScalerTlsSettings.Default(true));
        using var trustingCa = clients.Create(ScalerTlsSettings.Custom("", "", _certs.CaPem).Settings!);

        var rejected = await Assert.ThrowsAsync<HttpRequestException>(() => verifying.GetAsync(server.Address, token));
        Assert.Equal(HttpRequestError.SecureConnectionError, rejected.HttpRequestError);
        Assert.Equal(HttpStatusCode.OK, (await unsafeSsl.GetAsync(server.Address, token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await trustingCa.GetAsync(server.Address, token)).StatusCode);
    }

    [Fact]
    public async Task Create_ClientWithACertificate_PresentsIt()
    {
        await using var server = await PrometheusStubServer.StartAsync(OneValue, serverCertificate: _certs.Server);
        using var provider = ScalerHttpHost.Create();
        var tls = ScalerTlsSettings.Custom(_certs.ClientCertPem, _certs.ClientKeyPem, _certs.CaPem).Settings!;
        using var client = provider.GetRequiredService<ScalerHttpClients>().Create(tls);

        using var response = await client.GetAsync(server.Address, TestContext.Current.CancellationToken);

        Assert.Equal(_certs.Client.Thumbprint, Assert.Single(server.Requests).ClientCertificate?.Thumbprint);
    }

    [Fact]
    public async Task Create_HostWithStandardResilienceForAllClients_ScalerClientsDoNotRetryA503()
    {
        await using var server = await PrometheusStubServer.StartAsync("{}", 503);
        using var provider = ScalerHttpHost.Create(hostAddsStandardResilience: true);
        using var client = provider.GetRequiredService<ScalerHttpClients>().Create(ScalerTlsSettings.Default(false));

        using var response = await client.GetAsync(server.Address, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public void Create_RotatedTlsConfigurations_AreForgottenOnceUnused_ALiveScalersStays()
    {
        var time = new FakeTimeProvider(Start);
        using var provider = ScalerHttpHost.Create(time);
        var clients = provider.GetRequiredService<ScalerHttpClients>();
        var live = ScalerTlsSettings.Custom("", "", _certs.CaPem).Settings!;
        var latest = live;

        // A ScaledObject whose CA rotates every minute, next to a scaler that polls every 30 s, for 200 minutes.
        for (var rotation = 0; rotation < 200; rotation++)
        {
            latest = ScalerTlsSettings.Custom("", "", $"{_certs.CaPem}\n# rotation {rotation}").Settings!;
            clients.Create(latest).Dispose();
            clients.Create(live).Dispose();
            time.Advance(TimeSpan.FromSeconds(30));
            clients.Create(live).Dispose();
            time.Advance(TimeSpan.FromSeconds(30));
        }

        var rotationsPerLifetime = (int)(ScalerHttpDefaults.UnusedTlsLifetime / TimeSpan.FromMinutes(1));
        Assert.InRange(clients.ConfigurationCount, 2, (2 * rotationsPerLifetime) + 1);
        Assert.True(clients.TryGetTls(live.ClientName, out _));
        Assert.True(clients.TryGetTls(latest.ClientName, out _));
    }

    [Fact]
    public async Task Create_ForgottenTlsConfiguration_UsedAgain_IsRegisteredAgainAndConnects()
    {
        await using var server = await PrometheusStubServer.StartAsync(OneValue, serverCertificate: _certs.Server);
        var time = new FakeTimeProvider(Start);
        using var provider = ScalerHttpHost.Create(time);
        var clients = provider.GetRequiredService<ScalerHttpClients>();
        var trustingCa = ScalerTlsSettings.Custom("", "", _certs.CaPem).Settings!;
        clients.Create(trustingCa).Dispose();
        time.Advance(ScalerHttpDefaults.UnusedTlsLifetime);
        clients.Create(ScalerTlsSettings.Default(false)).Dispose();
        Assert.False(clients.TryGetTls(trustingCa.ClientName, out _));

        using var client = clients.Create(trustingCa);
        using var response = await client.GetAsync(server.Address, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clients.TryGetTls(trustingCa.ClientName, out _));
    }
}
