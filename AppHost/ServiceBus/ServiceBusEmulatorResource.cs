using AppHost.Hosting;

namespace AppHost.ServiceBus;

/// <summary>
/// The Service Bus emulator container (with its SQL Server child <c>{name}-mssql</c>): the containers profile's
/// <c>servicebus</c>. Host processes use the published ports (<see cref="ConnectionStringExpression"/>), pods in k3s
/// the container's address (<see cref="ClusterConnectionStringExpression"/>).
/// </summary>
public sealed class ServiceBusEmulatorResource(string name) : ContainerResource(name), IResourceWithConnectionString
{
    internal const string AmqpEndpointName = "amqp";
    internal const string ManagementEndpointName = "management";

    /// <summary>The emulator's AMQP port inside the container (plain TCP, no TLS).</summary>
    internal const int AmqpPort = 5672;

    internal const string ConfigPath = "/ServiceBus_Emulator/ConfigFiles/Config.json";

    private EndpointReference? _amqp;
    private EndpointReference? _management;

    public EndpointReference AmqpEndpoint => _amqp ??= new(this, AmqpEndpointName);

    /// <summary>The HTTP port: <c>/health</c> and the management (ATOM) API the admin client and the operator use.</summary>
    public EndpointReference ManagementEndpoint => _management ??= new(this, ManagementEndpointName);

    /// <summary>Queues declared with <c>AddQueue</c>, written to the emulator's Config.json.</summary>
    internal List<string> Queues { get; } = [];

    /// <summary>The container's address on its network, once it runs.</summary>
    internal ContainerAddress? Address { get; set; }

    public ReferenceExpression ConnectionStringExpression => EmulatorConnectionString.ForHost(AmqpEndpoint);

    /// <summary>The management (ATOM, HTTP port) connection string the admin client and KEDA's scaler use.</summary>
    public ReferenceExpression AdministrationConnectionStringExpression => EmulatorConnectionString.ForHost(ManagementEndpoint);

    /// <summary>For pods in k3s: the container's own address and AMQP port.</summary>
    public ReferenceExpression ClusterConnectionStringExpression =>
        EmulatorConnectionString.For(Address ?? throw new InvalidOperationException($"{Name} has no container address"), AmqpPort);
}
