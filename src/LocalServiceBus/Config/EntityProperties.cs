namespace LocalServiceBus.Config;

/// <summary>The properties of a queue or subscription that change how messages are delivered.</summary>
internal sealed record EntityProperties
{
    public TimeSpan LockDuration { get; init; } = EmulatorLimits.DefaultLockDuration;

    public int MaxDeliveryCount { get; init; } = EmulatorLimits.DefaultMaxDeliveryCount;

    public TimeSpan DefaultMessageTimeToLive { get; init; } = EmulatorLimits.MaxMessageTimeToLive;

    public bool DeadLetteringOnMessageExpiration { get; init; }

    public bool RequiresSession { get; init; }

    public bool RequiresDuplicateDetection { get; init; }

    public TimeSpan DuplicateDetectionHistoryTimeWindow { get; init; } = TimeSpan.FromSeconds(20);

    public string ForwardTo { get; init; } = "";

    public string ForwardDeadLetteredMessagesTo { get; init; } = "";
}
