using LocalServiceBus.Config;

namespace LocalServiceBus;

/// <summary>How the local Service Bus listens and what it holds. Defaults are the emulator's.</summary>
public sealed class LocalServiceBusOptions
{
    /// <summary>The entities (the emulator's Config.json); empty when not given.</summary>
    public EmulatorConfig Config { get; set; } = EmulatorConfig.Empty;

    /// <summary>The address both listeners bind (the emulator binds all interfaces inside its container).</summary>
    public string Host { get; set; } = LocalServiceBusDefaults.Host;

    /// <summary>AMQP over plain TCP; 0 picks a free port.</summary>
    public int AmqpPort { get; set; } = LocalServiceBusDefaults.AmqpPort;

    /// <summary>HTTP management (ATOM) and <c>/health</c>; 0 picks a free port.</summary>
    public int HttpPort { get; set; } = LocalServiceBusDefaults.HttpPort;

    public string KeyName { get; set; } = LocalServiceBusDefaults.KeyName;

    /// <summary>The shared access key (a secret: never logged).</summary>
    public string Key { get; set; } = LocalServiceBusDefaults.Key;

    public int MaxConnections { get; set; } = LocalServiceBusDefaults.MaxConnections;

    public long MaxMessageSizeBytes { get; set; } = LocalServiceBusDefaults.MaxMessageSizeBytes;

    /// <summary>How often locks, TTLs and scheduled times are checked.</summary>
    public TimeSpan SweepInterval { get; set; } = LocalServiceBusDefaults.SweepInterval;

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Fails fast naming the option and what it accepts.</summary>
    public void Validate()
    {
        if (AmqpPort is < 0 or > 65535 || HttpPort is < 0 or > 65535)
        {
            throw new ArgumentException("AmqpPort and HttpPort accept 0 (a free port) to 65535.");
        }

        if (string.IsNullOrWhiteSpace(KeyName) || string.IsNullOrEmpty(Key))
        {
            throw new ArgumentException("KeyName and Key must not be empty.");
        }

        if (MaxConnections < 1 || MaxMessageSizeBytes < 1024)
        {
            throw new ArgumentException("MaxConnections accepts 1 or more; MaxMessageSizeBytes accepts 1024 or more.");
        }
    }
}
