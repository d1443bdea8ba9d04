using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Operator.Scalers;
using Operator.Scalers.Http;
using Operator.Scalers.Prometheus;
using Operator.Tests.Scalers.Http;

namespace Operator.Tests.Scalers.Prometheus;

/// <summary>
/// The Prometheus scaler over the host's <see cref="IHttpClientFactory"/> clients against servers the test controls:
/// the scaler timeout bounds the call, an error status is the poll's error (no retry), a refused connect is retried once.
/// </summary>
public sealed class PrometheusScalerResilienceTests
{
    private const string OneValue = """{"data":{"result":[{"value":[1,"42"]}]}}""";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Query_HungServer_FailsAtTheScalerTimeout_EvenWhenTheHostAddsTheStandardHandler()
    {
        var time = new FakeTimeProvider(Now);
        using var provider = ScalerHttpHost.Create(time, hostAddsStandardResilience: true);

        var result = await PrometheusStubServer.QueryWithHangingServerAsync(
            address => Build(provider, address, time), time, ScalerDefaults.GlobalHttpTimeout);

        Assert.Contains("context deadline exceeded (Client.Timeout of 3000ms exceeded)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_503Then200_FailsThatPollAndSucceedsOnTheNext_WithOneRequestEach()
    {
        var answered = 0;
        await using var server = await PrometheusStubServer.StartAsync(_ =>
            Task.FromResult(Interlocked.Increment(ref answered) == 1 ? (503, "{}") : (200, OneValue)));
        using var provider = ScalerHttpHost.Create(hostAddsStandardResilience: true);
        await using var scaler = Build(provider, server.Address, new FakeTimeProvider(Now));
        var token = TestContext.Current.CancellationToken;

        var first = await scaler.GetMetricsAndActivityAsync("s0-prometheus", token);
        Assert.Single(server.Requests);
        var second = await scaler.GetMetricsAndActivityAsync("s0-prometheus", token);

        Assert.Equal("prometheus query api returned error. status: 503", first.Error);
        Assert.Equal(42, Assert.Single(second.Metrics).Value);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Query_ConnectRefusedOnce_IsRetriedAfterTheDelay_AndSucceeds()
    {
        var port = FreePort();
        var time = new DelayWatchingTimeProvider(Now, ScalerHttpDefaults.ConnectRetryDelay);
        using var provider = ScalerHttpHost.Create(time);
        await using var scaler = Build(provider, $"http://127.0.0.1:{port}", time);

        var pending = scaler.GetMetricsAndActivityAsync("s0-prometheus", TestContext.Current.CancellationToken).AsTask();
        await time.WatchedDelayStarted.WaitAsync(TestContext.Current.CancellationToken);
        await using var server = await PrometheusStubServer.StartAsync(_ => Task.FromResult((200, OneValue)), port: port);
        time.Advance(ScalerHttpDefaults.ConnectRetryDelay);
        var result = await pending;

        Assert.Equal(42, Assert.Single(result.Metrics).Value);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Query_ConnectRefusedTwice_IsThePollsError()
    {
        var port = FreePort();
        var time = new DelayWatchingTimeProvider(Now, ScalerHttpDefaults.ConnectRetryDelay);
        using var provider = ScalerHttpHost.Create(time);
        await using var scaler = Build(provider, $"http://127.0.0.1:{port}", time);

        var pending = scaler.GetMetricsAndActivityAsync("s0-prometheus", TestContext.Current.CancellationToken).AsTask();
        await time.WatchedDelayStarted.WaitAsync(TestContext.Current.CancellationToken);
        time.Advance(ScalerHttpDefaults.ConnectRetryDelay);
        var result = await pending;

        Assert.StartsWith($"Get \"http://127.0.0.1:{port}/api/v1/query?query=up&time=", result.Error, StringComparison.Ordinal);
        Assert.Contains("Connection refused", result.Error, StringComparison.Ordinal);
    }

    private static IScaler Build(ServiceProvider provider, string address, TimeProvider time)
    {
        var result = PrometheusScaler.Build(PrometheusScalerHttpTests.Config(address), time, http: provider.GetRequiredService<ScalerHttpClients>());
        Assert.True(result.IsSuccess, string.Join('\n', result.Errors));
        return result.Scaler!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
