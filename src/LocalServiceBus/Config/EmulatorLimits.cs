namespace LocalServiceBus.Config;

/// <summary>The Service Bus emulator's documented limits and defaults (its Config-schema.json and quotas page).</summary>
internal static class EmulatorLimits
{
    public const string NamespaceName = "sbemulatorns";
    public const int MaxEntities = 50;
    public const int MaxSubscriptionsPerTopic = 50;
    public const int MinMaxDeliveryCount = 1;
    public const int MaxMaxDeliveryCount = 10;
    public const int DefaultMaxDeliveryCount = 10;
    public static readonly TimeSpan DefaultLockDuration = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MinLockDuration = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxLockDuration = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxMessageTimeToLive = TimeSpan.FromHours(1);
}
