namespace Operator.Telemetry;

/// <summary>Defaults of the links from scale-up decision spans to the traces of the waiting messages.</summary>
public static class TraceLinkDefaults
{
    /// <summary>Links per decision: enough to follow the cause, few enough to keep the read cheap.</summary>
    public const int MaxLinks = 5;

    /// <summary>The Service Bus development emulator's AMQP port (its management API answers on 5300).</summary>
    public const int ServiceBusEmulatorAmqpPort = 5672;

    /// <summary>
    /// Environment variable naming the development emulator's AMQP port when it is not 5672 (a mapped container port,
    /// the local Service Bus on a free port): a trigger's emulator connection names the management port, peeks need AMQP.
    /// </summary>
    public const string ServiceBusEmulatorAmqpPortVariable = "SERVICEBUS_EMULATOR_AMQP_PORT";

    /// <summary>How long a decision waits for its links at most; a slow or failing source only means fewer links.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
}
