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
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public static ServiceBusAdminPool Shared { get; } = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The client for the trigger's connection, or why none can be made (no secret in the message).</summary>
    public (ServiceBusAdminLease? Lease, string? Error) Acquire(AzureServiceBusMetadata metadata, PodIdentity identity, ScalerHttpClients http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var key = identity.IsNone
            ? "cs|" + metadata.Connection
            : $"wi|{metadata.FullyQualifiedNamespace}|{identity.IdentityId}|{identity.IdentityTenantId}|{identity.IdentityAuthorityHost}";
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                ServiceBusAdministrationClient client;
                var options = new ServiceBusAdministrationClientOptions { Transport = http.CreateAzureTransport() };
                try
                {
                    client = identity.IsNone
                        ? new ServiceBusAdministrationClient(metadata.Connection, options)
                        : new ServiceBusAdministrationClient(metadata.FullyQualifiedNamespace, AzureTokenAuthorizer.CreateWorkloadCredential(identity, http), options);
                }
                catch (Exception e) when (e is FormatException or ArgumentException)
                {
                    return (null, "the Service Bus connection string is not valid (expected Endpoint=sb://...;SharedAccessKeyName=...;SharedAccessKey=...)");
                }

                entry = new Entry(client);
                _entries.Add(key, entry);
            }

            entry.References++;
            return (new ServiceBusAdminLease(this, key, entry.Client), null);
        }
    }

    internal void Release(string key)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry) && --entry.References == 0)
            {
                _entries.Remove(key);
            }
        }
    }

    private sealed class Entry(ServiceBusAdministrationClient client)
    {
        public ServiceBusAdministrationClient Client { get; } = client;

        public int References { get; set; }
    }
}
