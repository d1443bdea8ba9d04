using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>Healthy when the client's connection answers a metadata request (through an admin client on the same handle).</summary>
internal sealed class KafkaHealthCheck(IClient client) : IHealthCheck
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(5);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            try
            {
                using var admin = new DependentAdminClientBuilder(client.Handle).Build();
                var metadata = admin.GetMetadata(MetadataTimeout);
                return metadata.Brokers.Count > 0
                    ? HealthCheckResult.Healthy($"{metadata.Brokers.Count} broker(s) answered")
                    : HealthCheckResult.Unhealthy("no broker answered the metadata request");
            }
            catch (KafkaException e)
            {
                return HealthCheckResult.Unhealthy($"the metadata request failed: {e.Error.Reason}");
            }
        }, cancellationToken);
}
