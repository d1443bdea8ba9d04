using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Kubernetes.Controller.Serving;

/// <summary>
/// Registers a local HTTPS endpoint as the backend of an API group: a selector-less Service, an EndpointSlice with
/// address:port (127.0.0.1 unless given) and an apiregistration.k8s.io/v1 APIService — TLS checked against
/// <c>caBundlePem</c> when given (the backend's certificate must then name <c>{service}.{namespace}.svc</c>), else
/// insecureSkipTLSVerify, as a self-signed backend without a bundle needs.
/// </summary>
public static class ApiServiceRegistration
{
    public static async Task RegisterAsync(IKubernetes client, string group, string version, string serviceNamespace, string serviceName,
        int port, CancellationToken cancellationToken = default) =>
        await RegisterAsync(client, group, version, serviceNamespace, serviceName, port, "127.0.0.1", null, cancellationToken).ConfigureAwait(false);

    public static async Task RegisterAsync(IKubernetes client, string group, string version, string serviceNamespace, string serviceName,
        int port, string address, string? caBundlePem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(address);
        await CreateOrReplaceAsync(
            () => client.CoreV1.CreateNamespacedServiceAsync(new V1Service
            {
                Metadata = new V1ObjectMeta { Name = serviceName, NamespaceProperty = serviceNamespace },
                Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Name = "https", Port = 443, TargetPort = port, Protocol = "TCP" }] },
            }, serviceNamespace, cancellationToken: cancellationToken),
            () => Task.CompletedTask).ConfigureAwait(false);

        var slice = new V1EndpointSlice
        {
            Metadata = new V1ObjectMeta
            {
                Name = serviceName,
                NamespaceProperty = serviceNamespace,
                Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = serviceName },
            },
            AddressType = address.Contains(':', StringComparison.Ordinal) ? "IPv6" : "IPv4",
            Endpoints = [new V1Endpoint { Addresses = [address], Conditions = new V1EndpointConditions { Ready = true } }],
            Ports = [new Discoveryv1EndpointPort { Name = "https", Port = port, Protocol = "TCP" }],
        };
        await CreateOrReplaceAsync(
            () => client.DiscoveryV1.CreateNamespacedEndpointSliceAsync(slice, serviceNamespace, cancellationToken: cancellationToken),
            async () =>
            {
                var current = await client.DiscoveryV1.ReadNamespacedEndpointSliceAsync(serviceName, serviceNamespace, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                slice.Metadata.ResourceVersion = current.Metadata.ResourceVersion;
                await client.DiscoveryV1.ReplaceNamespacedEndpointSliceAsync(slice, serviceName, serviceNamespace, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
            }).ConfigureAwait(false);

        var apiService = new V1APIService
        {
            Metadata = new V1ObjectMeta { Name = $"{version}.{group}" },
            Spec = new V1APIServiceSpec
            {
                Group = group,
                Version = version,
                GroupPriorityMinimum = 100,
                VersionPriority = 100,
                InsecureSkipTLSVerify = caBundlePem is null ? true : null,
                CaBundle = caBundlePem is null ? null : System.Text.Encoding.ASCII.GetBytes(caBundlePem),
                Service = new Apiregistrationv1ServiceReference { Name = serviceName, NamespaceProperty = serviceNamespace, Port = 443 },
            },
        };
        await CreateOrReplaceAsync(
            () => client.ApiregistrationV1.CreateAPIServiceAsync(apiService, cancellationToken: cancellationToken),
            async () =>
            {
                var current = await client.ApiregistrationV1.ReadAPIServiceAsync(apiService.Metadata.Name, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                apiService.Metadata.ResourceVersion = current.Metadata.ResourceVersion;
                await client.ApiregistrationV1.ReplaceAPIServiceAsync(apiService, apiService.Metadata.Name, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    private static async Task CreateOrReplaceAsync(Func<Task> create, Func<Task> replace)
    {
        try
        {
            await create().ConfigureAwait(false);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
        {
            await replace().ConfigureAwait(false);
        }
    }
}
