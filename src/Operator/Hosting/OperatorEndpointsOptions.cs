using System.Net;

namespace Operator.Hosting;

/// <summary>
/// The operator's listeners: the metrics adapter (HTTPS, <c>external.metrics.k8s.io</c>), the Prometheus scrape and
/// decision endpoint (<c>--metrics-port</c>) and the probes (<c>--health-port</c>). Port 0 picks a free port.
/// </summary>
public sealed class OperatorEndpointsOptions
{
    /// <summary>Where the adapter listens; 127.0.0.1 out of cluster, 0.0.0.0 in a pod.</summary>
    public IPAddress AdapterBindAddress { get; set; } = IPAddress.Loopback;

    public int AdapterPort { get; set; } = OperatorEndpointsDefaults.AdapterPort;

    /// <summary>The address the cluster reaches the adapter on (the EndpointSlice address); defaults to the bind address.</summary>
    public IPAddress? AdapterAdvertiseAddress { get; set; }

    /// <summary>Out of cluster: create/update the APIService, Service and EndpointSlice pointing at this process.</summary>
    public bool RegisterApiService { get; set; }

    public string ServiceNamespace { get; set; } = OperatorEndpointsDefaults.ServiceNamespace;

    public string ServiceName { get; set; } = OperatorEndpointsDefaults.ServiceName;

    public IPAddress HttpBindAddress { get; set; } = IPAddress.Loopback;

    public int MetricsPort { get; set; } = OperatorEndpointsDefaults.MetricsPort;

    /// <summary>Health probes; may equal <see cref="MetricsPort"/> to serve both on one listener.</summary>
    public int HealthPort { get; set; } = OperatorEndpointsDefaults.HealthPort;

    public IPAddress AdvertisedAdapterAddress =>
        AdapterAdvertiseAddress ?? (AdapterBindAddress.Equals(IPAddress.Any) ? IPAddress.Loopback : AdapterBindAddress);

    /// <summary>Fails fast naming the setting and the accepted values.</summary>
    public void Validate()
    {
        foreach (var (name, port) in new[] { ("--adapter-port", AdapterPort), ("--metrics-port", MetricsPort), ("--health-port", HealthPort) })
        {
            if (port is < 0 or > 65535)
            {
                throw new ArgumentException($"{name}: {port} is not a port (accepted: 0-65535, 0 picks a free port)");
            }
        }

        if (AdapterPort != 0 && (AdapterPort == MetricsPort || AdapterPort == HealthPort))
        {
            throw new ArgumentException($"--adapter-port: {AdapterPort} is also the metrics or health port; the adapter needs its own (HTTPS) port");
        }

        if (string.IsNullOrWhiteSpace(ServiceNamespace) || string.IsNullOrWhiteSpace(ServiceName))
        {
            throw new ArgumentException("the metrics adapter's service namespace and name must not be empty");
        }
    }
}
