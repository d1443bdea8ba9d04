namespace OrderContracts;

/// <summary>Where orders travel.</summary>
public enum OrderTransport
{
    ServiceBus,
    Kafka,
}
