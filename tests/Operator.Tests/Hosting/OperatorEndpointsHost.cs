using System.Net.Http.Headers;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Operator.Adapter;
using Operator.Hosting;
using Operator.Metrics;

namespace Operator.Tests.Hosting;

/// <summary>The operator's HTTP side on free ports, with an in-test metrics source (the scale loop's seam) and optionally a cluster client.</summary>
internal sealed class OperatorEndpointsHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OperatorEndpointsHost(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public Uri AdapterUri => Services.GetRequiredService<OperatorListeners>().Adapter;

    public Uri MetricsUri => Services.GetRequiredService<OperatorListeners>().Metrics;

    public Uri HealthUri => Services.GetRequiredService<OperatorListeners>().Health;

    public static async Task<OperatorEndpointsHost> StartAsync(
        IScaledObjectMetricsSource? source = null, IKubernetes? client = null, Action<OperatorEndpointsOptions>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        var options = new OperatorEndpointsOptions { AdapterPort = 0, MetricsPort = 0, HealthPort = 0 };
        configure?.Invoke(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.AddOperatorEndpoints(options);
        if (source is not null)
        {
            builder.Services.AddSingleton(source);
        }

        if (client is not null)
        {
            builder.Services.AddSingleton(client);
        }

        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapOperatorEndpoints();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new OperatorEndpointsHost(app);
    }

    /// <summary>An HTTPS client that trusts only the adapter's own certificate (what the caBundle says).</summary>
    public HttpClient AdapterClient()
    {
        var pem = Services.GetRequiredService<AdapterCertificate>().Certificate;
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.Thumbprint == pem.Thumbprint,
        };
        var http = new HttpClient(handler) { BaseAddress = AdapterUri };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
