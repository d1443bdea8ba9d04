using AppHost.Hosting;

namespace AppHost.Kafka;

/// <summary>
/// Apache Kafka in a container (KRaft, one broker and controller): the containers profile's <c>kafka</c>. Host
/// processes bootstrap from the published port (<see cref="ConnectionStringExpression"/>, <c>localhost:port</c>),
/// pods in k3s and the operator from the container's address (<see cref="ClusterBootstrapServersExpression"/>).
/// </summary>
public sealed class KafkaContainerResource(string name) : ContainerResource(name), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    /// <summary>The listener for host processes, advertised as <c>localhost:&lt;published port&gt;</c>.</summary>
    internal const int HostListenerPort = 9092;

    internal const int ControllerPort = 9093;

    /// <summary>The listener advertised with the container's own address: pods in k3s, other containers, the broker itself.</summary>
    internal const int ClusterListenerPort = 9094;

    private EndpointReference? _primary;

    public EndpointReference PrimaryEndpoint => _primary ??= new(this, PrimaryEndpointName);

    /// <summary>The container's address on its network, once it runs.</summary>
    internal ContainerAddress? Address { get; set; }

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");

    /// <summary>Bootstrap servers for clients that reach the container's network (pods in k3s).</summary>
    public ReferenceExpression ClusterBootstrapServersExpression =>
        ReferenceExpression.Create(
            $"{Address ?? throw new InvalidOperationException($"{Name} has no container address")}:{ClusterListenerPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
}
