namespace LocalServiceBus;

/// <summary>The emulator's defaults: ports, fixed credentials and quotas.</summary>
public static class LocalServiceBusDefaults
{
    public const string Host = "127.0.0.1";
    public const int AmqpPort = 5672;
    public const int HttpPort = 5300;
    public const string KeyName = "RootManageSharedAccessKey";
    public const string Key = "SAS_KEY_VALUE";

    /// <summary>The emulator's concurrent connection quota (the 11th connection gets ConnectionsQuotaExceeded).</summary>
    public const int MaxConnections = 10;

    /// <summary>256 KiB, the Standard tier's and the emulator's message size limit.</summary>
    public const long MaxMessageSizeBytes = 256 * 1024;

    public static readonly TimeSpan SweepInterval = TimeSpan.FromMilliseconds(100);
}
