using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Kubernetes.Controller.Serving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Operator.Hosting;
using Operator.Leadership;

namespace Operator.Adapter;

/// <summary>
/// Out of cluster, makes this process the cluster's external metrics API: once the server listens and this replica
/// leads, it creates or updates a selector-less Service, an EndpointSlice with the adapter's advertised address and
/// port, and APIService <c>v1beta1.external.metrics.k8s.io</c> with the caBundle of the adapter's certificate
/// (the shape of local-environment.md §5.4, TLS verified rather than skipped), through the shared
/// <see cref="ApiServiceRegistration"/>. Retries with backoff until it succeeds.
/// </summary>
internal sealed class ApiServiceSelfRegistration(
    IServiceProvider services,
    OperatorEndpointsOptions options,
    AdapterCertificate certificate,
    OperatorListeners listeners,
    IHostApplicationLifetime lifetime,
    ILogger<ApiServiceSelfRegistration> logger) : BackgroundService, IHealthCheck
{
    public const string ApiServiceName = ExternalMetricsApi.Version + "." + ExternalMetricsApi.Group;
    private readonly TimeProvider _time = services.GetService<TimeProvider>() ?? TimeProvider.System;
    private readonly DateTimeOffset _createdAt = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
    private volatile bool _registered;

    /// <summary>
    /// Ready once registered (or while another replica leads). Not registered yet within
    /// <see cref="OperatorEndpointsDefaults.StartupGracePeriod"/> of start is Degraded, the normal state of a starting
    /// operator, which the health-check service logs as a warning rather than an error (<c>/readyz</c> still answers 503);
    /// later it is Unhealthy, a real failure, logged as an error.
    /// </summary>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var leads = services.GetService<ILeadershipGate>()?.IsLeader ?? true;
        if (_registered || !leads)
        {
            return Task.FromResult(HealthCheckResult.Healthy());
        }

        var starting = _time.GetUtcNow() - _createdAt < OperatorEndpointsDefaults.StartupGracePeriod;
        return Task.FromResult(starting
            ? HealthCheckResult.Degraded($"starting: APIService {ApiServiceName} is not registered yet")
            : HealthCheckResult.Unhealthy($"APIService {ApiServiceName} is not registered {OperatorEndpointsDefaults.StartupGracePeriod.TotalSeconds:0} s after start"));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        try
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
            if (services.GetService<ILeadershipGate>() is { } gate)
            {
                await gate.WaitForLeadershipAsync(stoppingToken).ConfigureAwait(false);
            }

            var client = services.GetRequiredService<IKubernetes>();
            var delay = TimeSpan.FromSeconds(1);
            var address = options.AdvertisedAdapterAddress.ToString();
            while (!_registered)
            {
                try
                {
                    var port = listeners.Adapter.Port;
                    await RegisterAsync(client, port, stoppingToken).ConfigureAwait(false);
                    _registered = true;
                    AdapterLog.Registered(logger, ApiServiceName, address, port);
                }
                catch (Exception ex) when (ex is HttpOperationException or HttpRequestException)
                {
                    AdapterLog.RegistrationFailed(logger, ApiServiceName, ex.Message);
                    await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task RegisterAsync(IKubernetes client, int port, CancellationToken cancellationToken)
    {
        var ns = options.ServiceNamespace;
        try
        {
            await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } }, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Forbidden)
        {
            // Exists already (or we may not create namespaces: then the Service create below reports the real problem).
        }

        await ApiServiceRegistration.RegisterAsync(client, ExternalMetricsApi.Group, ExternalMetricsApi.Version, ns, options.ServiceName, port,
            options.AdvertisedAdapterAddress.ToString(), certificate.CaBundlePem, cancellationToken).ConfigureAwait(false);
    }
}
