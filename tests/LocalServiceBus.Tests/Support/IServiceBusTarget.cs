namespace LocalServiceBus.Tests.Support;

/// <summary>A Service Bus the SDK tests run against: the local broker here, the emulator container where Docker answers.</summary>
public interface IServiceBusTarget
{
    /// <summary>Messaging (AMQP) connection string, emulator form.</summary>
    string ConnectionString { get; }

    /// <summary>Management (HTTP port) connection string for ServiceBusAdministrationClient.</summary>
    string AdministrationConnectionString { get; }
}
