namespace AppHost.Prometheus;

/// <summary><c>prom/prometheus</c> as a container (the containers profile's <c>prometheus</c>); its connection string is the HTTP API's base URL.</summary>
public sealed class PrometheusContainerResource(string name) : ContainerResource(name), IResourceWithConnectionString
{
    internal const string HttpEndpointName = "http";

    internal const int HttpPort = 9090;

    internal const string ConfigPath = "/etc/prometheus/prometheus.yml";

    private EndpointReference? _http;

    public EndpointReference HttpEndpoint => _http ??= new(this, HttpEndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"http://{HttpEndpoint.Property(EndpointProperty.Host)}:{HttpEndpoint.Property(EndpointProperty.Port)}");
}
