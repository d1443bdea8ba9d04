namespace Operator.Scalers.AzureServiceBus;

/// <summary>What a Service Bus trigger counts.</summary>
public enum ServiceBusEntityType
{
    None = 0,
    Queue = 1,
    Subscription = 2,
}
