using Azure.Messaging.ServiceBus.Administration;

namespace Operator.Scalers.AzureServiceBus;

/// <summary>A scaler's hold on a pooled administration client; disposing it releases the hold once.</summary>
internal sealed class ServiceBusAdminLease(ServiceBusAdminPool pool, string key, ServiceBusAdministrationClient client) : IDisposable
{
    private int _released;

    public ServiceBusAdministrationClient Client { get; } = client;

    /// <summary>The pool key (holds the connection's secret; never log it).</summary>
    public string Key { get; } = key;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            pool.Release(Key);
        }
    }
}
