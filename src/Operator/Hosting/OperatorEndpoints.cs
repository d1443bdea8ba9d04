using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using Operator.Adapter;
using Operator.Decisions;
using Operator.Telemetry;

namespace Operator.Hosting;

/// <summary>
/// Wires the operator's HTTP side into a <see cref="WebApplicationBuilder"/>: the metrics adapter on its HTTPS port
/// (self-signed certificate naming the Service), <c>/metrics</c> (KEDA's metric names) and <c>/decisions/{ns}/{name}</c>
/// on the metrics port, <c>/healthz</c> and <c>/readyz</c> on the health port, the decision log and
/// <see cref="OperatorMetrics"/> in DI, and — out of cluster — the APIService self-registration. Health checks tagged
/// <see cref="LiveTag"/> feed <c>/healthz</c>; every check feeds <c>/readyz</c>.
/// </summary>
public static class OperatorEndpoints
{
    public const string LiveTag = "live";

    public static WebApplicationBuilder AddOperatorEndpoints(this WebApplicationBuilder builder, OperatorEndpointsOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        builder.Services.AddSingleton(options);
        builder.Services.TryAddSingleton(TimeProvider.System);
        var certificate = AdapterCertificate.Create(options.ServiceName, options.ServiceNamespace, options.AdvertisedAdapterAddress, TimeProvider.System);
        builder.Services.AddSingleton(certificate);
        builder.Services.TryAddSingleton<IDecisionLog, DecisionLog>();
        builder.Services.TryAddSingleton<OperatorMetrics>();
        builder.Services.AddSingleton<OperatorListeners>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(OperatorMetrics.MeterName).AddPrometheusExporter());
        var health = builder.Services.AddHealthChecks();
        if (options.RegisterApiService)
        {
            builder.Services.AddSingleton<ApiServiceSelfRegistration>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ApiServiceSelfRegistration>());
            health.AddCheck<ApiServiceSelfRegistration>("apiservice-registration");
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.AdapterBindAddress, options.AdapterPort, listen => listen.UseHttps(certificate.Certificate));
            kestrel.Listen(options.HttpBindAddress, options.MetricsPort);
            if (options.HealthPort != options.MetricsPort || options.MetricsPort == 0)
            {
                kestrel.Listen(options.HttpBindAddress, options.HealthPort);
            }
        });
        return builder;
    }

    public static WebApplication MapOperatorEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = app.Services.GetRequiredService<OperatorMetrics>();
        app.MapExternalMetricsApi();
        app.MapDecisions();
        app.MapPrometheusScrapingEndpoint(OperatorEndpointsDefaults.MetricsPath);
        app.MapHealthChecks(OperatorEndpointsDefaults.LivenessPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) });
        // Degraded is "starting" (not ready yet, logged below error level): not ready either.
        app.MapHealthChecks(OperatorEndpointsDefaults.ReadinessPath, new HealthCheckOptions
        {
            ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable },
        });
        return app;
    }
}
