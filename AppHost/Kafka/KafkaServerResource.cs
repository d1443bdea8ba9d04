namespace AppHost.Kafka;

/// <summary>
/// A Kafka broker; its connection string is the bootstrap servers (<c>host:port</c>), as Aspire's own
/// <c>KafkaServerResource</c> gives it. Embedded: the librdkafka mock cluster of src/LocalKafka as a program.
/// </summary>
public sealed class KafkaServerResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    private EndpointReference? _primary;

    public EndpointReference PrimaryEndpoint => _primary ??= new(this, PrimaryEndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}
