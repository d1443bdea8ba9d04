namespace AppHost.ServiceBus;

/// <summary>
/// A Service Bus namespace; its connection string is the emulator-style
/// <c>Endpoint=sb://localhost:port;...;UseDevelopmentEmulator=true;</c> the real SDK accepts. Embedded: src/LocalServiceBus.
/// </summary>
public sealed class ServiceBusResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string AmqpEndpointName = "amqp";
    internal const string ManagementEndpointName = "management";

    private EndpointReference? _amqp;
    private EndpointReference? _management;

    public EndpointReference AmqpEndpoint => _amqp ??= new(this, AmqpEndpointName);

    public EndpointReference ManagementEndpoint => _management ??= new(this, ManagementEndpointName);

    /// <summary>Queues declared with <c>AddQueue</c>, written to the emulator's Config.json.</summary>
    internal List<string> Queues { get; } = [];

    public ReferenceExpression ConnectionStringExpression => EmulatorConnectionString.ForHost(AmqpEndpoint);

    /// <summary>The management (ATOM, HTTP port) connection string the admin client and KEDA's scaler use.</summary>
    public ReferenceExpression AdministrationConnectionStringExpression => EmulatorConnectionString.ForHost(ManagementEndpoint);
}
