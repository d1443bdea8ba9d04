using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AppHost.Hosting;

/// <summary>Healthy when a TCP connection to 127.0.0.1:port succeeds (the local brokers accept connections once ready).</summary>
internal sealed class TcpHealthCheck(int port) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (SocketException e)
        {
            return HealthCheckResult.Unhealthy($"127.0.0.1:{port} does not accept connections yet: {e.SocketErrorCode}");
        }
    }
}
