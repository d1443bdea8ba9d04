using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>Healthy when a sender link to the entity opens (creating a batch asks the broker for the link's limits).</summary>
internal sealed class ServiceBusSenderHealthCheck(ServiceBusClient client, string entity) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var sender = client.CreateSender(entity);
            using var batch = await sender.CreateMessageBatchAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"a sender link to '{entity}' opened");
        }
        catch (Exception e) when (e is ServiceBusException or UnauthorizedAccessException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"no sender link to '{entity}': {e.GetType().Name}", e);
        }
    }
}
