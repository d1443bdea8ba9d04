namespace AppHost.Prometheus;

/// <summary>Debian's <c>prometheus</c> binary as an executable; its connection string is the HTTP API's base URL.</summary>
public sealed class PrometheusResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string HttpEndpointName = "http";

    private EndpointReference? _http;

    public EndpointReference HttpEndpoint => _http ??= new(this, HttpEndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"http://{HttpEndpoint.Property(EndpointProperty.Host)}:{HttpEndpoint.Property(EndpointProperty.Port)}");
}
