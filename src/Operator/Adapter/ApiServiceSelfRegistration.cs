using System.Net;
using System.Text;
using k8s;
using k8s.Autorest;
using k8s.Models;
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
/// (the shape of local-environment.md §5.4, TLS verified rather than skipped). Retries with backoff until it succeeds.
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
    private const string ManagedBy = "keda-dotnet-operator";
    private volatile bool _registered;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var leads = services.GetService<ILeadershipGate>()?.IsLeader ?? true;
        return Task.FromResult(_registered || !leads
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"APIService {ApiServiceName} is not registered yet"));
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
        var name = options.ServiceName;
        var labels = new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = ManagedBy, ["app.kubernetes.io/part-of"] = "keda-operator" };
        await UpsertAsync(
            () => client.CoreV1.ReadNamespaceAsync(ns, cancellationToken: cancellationToken),
            () => client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } }, cancellationToken: cancellationToken),
            null).ConfigureAwait(false);

        var service = new V1Service
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = labels },
            Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Name = "https", Port = 443, TargetPort = port, Protocol = "TCP" }] },
        };
        await UpsertAsync(
            () => client.CoreV1.ReadNamespacedServiceAsync(name, ns, cancellationToken: cancellationToken),
            () => client.CoreV1.CreateNamespacedServiceAsync(service, ns, cancellationToken: cancellationToken),
            current =>
            {
                current.Spec.Ports = service.Spec.Ports;
                current.Spec.Selector = null;
                return client.CoreV1.ReplaceNamespacedServiceAsync(current, name, ns, cancellationToken: cancellationToken);
            }).ConfigureAwait(false);

        var sliceName = name + "-operator";
        var slice = new V1EndpointSlice
        {
            Metadata = new V1ObjectMeta
            {
                Name = sliceName,
                NamespaceProperty = ns,
                Labels = new Dictionary<string, string>(labels)
                {
                    ["kubernetes.io/service-name"] = name,
                    ["endpointslice.kubernetes.io/managed-by"] = ManagedBy,
                },
            },
            AddressType = options.AdvertisedAdapterAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4",
            Endpoints = [new V1Endpoint { Addresses = [options.AdvertisedAdapterAddress.ToString()], Conditions = new V1EndpointConditions { Ready = true } }],
            Ports = [new Discoveryv1EndpointPort { Name = "https", Port = port, Protocol = "TCP" }],
        };
        await UpsertAsync(
            () => client.DiscoveryV1.ReadNamespacedEndpointSliceAsync(sliceName, ns, cancellationToken: cancellationToken),
            () => client.DiscoveryV1.CreateNamespacedEndpointSliceAsync(slice, ns, cancellationToken: cancellationToken),
            current =>
            {
                slice.Metadata.ResourceVersion = current.Metadata.ResourceVersion;
                return client.DiscoveryV1.ReplaceNamespacedEndpointSliceAsync(slice, sliceName, ns, cancellationToken: cancellationToken);
            }).ConfigureAwait(false);

        var apiService = new V1APIService
        {
            Metadata = new V1ObjectMeta { Name = ApiServiceName, Labels = labels },
            Spec = new V1APIServiceSpec
            {
                Group = ExternalMetricsApi.Group,
                Version = ExternalMetricsApi.Version,
                GroupPriorityMinimum = 100,
                VersionPriority = 100,
                CaBundle = Encoding.ASCII.GetBytes(certificate.CaBundlePem),
                Service = new Apiregistrationv1ServiceReference { Name = name, NamespaceProperty = ns, Port = 443 },
            },
        };
        await UpsertAsync(
            () => client.ApiregistrationV1.ReadAPIServiceAsync(ApiServiceName, cancellationToken: cancellationToken),
            () => client.ApiregistrationV1.CreateAPIServiceAsync(apiService, cancellationToken: cancellationToken),
            current =>
            {
                apiService.Metadata.ResourceVersion = current.Metadata.ResourceVersion;
                return client.ApiregistrationV1.ReplaceAPIServiceAsync(apiService, ApiServiceName, cancellationToken: cancellationToken);
            }).ConfigureAwait(false);
    }

    private static async Task UpsertAsync<T>(Func<Task<T>> read, Func<Task<T>> create, Func<T, Task<T>>? replace)
    {
        T current;
        try
        {
            current = await read().ConfigureAwait(false);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            await create().ConfigureAwait(false);
            return;
        }

        if (replace is not null)
        {
            await replace(current).ConfigureAwait(false);
        }
    }
}
