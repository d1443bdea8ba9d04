using Azure.Messaging.ServiceBus.Administration;
using Operator.Scalers.Http;
using Operator.Scalers.Prometheus;

namespace Operator.Scalers.AzureServiceBus;

/// <summary>
/// One <see cref="ServiceBusAdministrationClient"/> per distinct connection (connection string, or namespace plus
/// workload identity), shared by every scaler that uses it and reused across polls. Reference counted.
/// The management API's HTTP goes through the host's <see cref="IHttpClientFactory"/> (<see cref="ScalerHttpClients"/>);
/// the SDK keeps its own retry policy, inside the scaler's timeout as in KEDA. Keys hold secrets: they are never logged.
/// </summary>
internal sealed class ServiceBusAdminPool
{
    private readonly ClientPool<ServiceBusAdministrationClient> _clients = new();

    public static ServiceBusAdminPool Shared { get; } = new();

    public int Count => _clients.Count;

    /// <summary>The client for the trigger's connection, or why none can be made (no secret in the message).</summary>
    public (ClientLease<ServiceBusAdministrationClient>? Lease, string? Error) Acquire(AzureServiceBusMetadata metadata, PodIdentity identity, ScalerHttpClients http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var key = identity.IsNone
            ? "cs|" + metadata.Connection
            : $"wi|{metadata.FullyQualifiedNamespace}|{identity.IdentityId}|{identity.IdentityTenantId}|{identity.IdentityAuthorityHost}";
        var lease = _clients.Acquire(key, () => Create(metadata, identity, http));
        return lease.Client is null ? (null, lease.Error) : (lease, null);
    }

    private static (ServiceBusAdministrationClient? Client, string? Error) Create(AzureServiceBusMetadata metadata, PodIdentity identity, ScalerHttpClients http)
    {
        var options = new ServiceBusAdministrationClientOptions { Transport = http.CreateAzureTransport() };
        try
        {
            return (identity.IsNone
                ? new ServiceBusAdministrationClient(metadata.Connection, options)
                : new ServiceBusAdministrationClient(metadata.FullyQualifiedNamespace, AzureTokenAuthorizer.CreateWorkloadCredential(identity, http), options), null);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return (null, "the Service Bus connection string is not valid (expected Endpoint=sb://...;SharedAccessKeyName=...;SharedAccessKey=...)");
        }
    }
}
