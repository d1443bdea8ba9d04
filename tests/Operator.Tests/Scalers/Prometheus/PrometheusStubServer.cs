using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Operator.Tests.Scalers.Prometheus;

/// <summary>What the stub saw of one request (copied: Kestrel reuses its request objects).</summary>
internal sealed record StubRequest(string Path, IQueryCollection Query, string RawQuery, IHeaderDictionary Headers, X509Certificate2? ClientCertificate);

/// <summary>
/// A Kestrel endpoint on 127.0.0.1:0 that answers like Prometheus' query API. Optionally HTTPS with a given
/// server certificate, asking for (not requiring) a client certificate so tests can assert on it.
/// </summary>
internal sealed class PrometheusStubServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PrometheusStubServer(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    public string Address { get; }

    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    public static async Task<PrometheusStubServer> StartAsync(
        Func<StubRequest, Task<(int Status, string Body)>> respond,
        X509Certificate2? serverCertificate = null,
        int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port, listen =>
        {
            if (serverCertificate is not null)
            {
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = serverCertificate,
                    ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                    ClientCertificateValidation = (_, _, _) => true,
                });
            }
        }));
        var app = builder.Build();
        PrometheusStubServer? server = null;
        app.Run(async context =>
        {
            var request = new StubRequest(
                context.Request.Path.Value ?? "",
                new QueryCollection(context.Request.Query.ToDictionary(q => q.Key, q => q.Value)),
                context.Request.QueryString.Value ?? "",
                new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)),
                context.Connection.ClientCertificate);
            server!.Requests.Enqueue(request);
            var (status, body) = await respond(request);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body, context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Urls.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        server = new PrometheusStubServer(app, address);
        return server;
    }

    public static Task<PrometheusStubServer> StartAsync(string body, int status = 200, X509Certificate2? serverCertificate = null) =>
        StartAsync(_ => Task.FromResult((status, body)), serverCertificate);

    /// <summary>
    /// Queries <paramref name="scaler"/> against a stub that never answers, advancing <paramref name="time"/> by
    /// <paramref name="advance"/> once the request has arrived, so the scaler's timeout fires without wall-clock waits.
    /// </summary>
    public static async Task<Operator.Scalers.ScalerResult> QueryWithHangingServerAsync(
        Func<string, Operator.Scalers.IScaler> scaler,
        Microsoft.Extensions.Time.Testing.FakeTimeProvider time,
        TimeSpan advance)
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await StartAsync(async _ =>
        {
            received.TrySetResult();
            await release.Task;
            return (200, "{}");
        });
        await using var built = scaler(server.Address);
        var pending = built.GetMetricsAndActivityAsync("s0-prometheus", TestContext.Current.CancellationToken).AsTask();
        await received.Task.WaitAsync(TestContext.Current.CancellationToken);
        time.Advance(advance);
        var result = await pending;
        release.TrySetResult();
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
