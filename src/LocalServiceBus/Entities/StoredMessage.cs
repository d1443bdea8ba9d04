namespace LocalServiceBus.Entities;

/// <summary>One message held by a queue or subscription: its encoded AMQP sections plus the broker's state.</summary>
internal sealed class StoredMessage
{
    public required long SequenceNumber { get; init; }

    /// <summary>The message as the sender encoded it (header, properties, application properties, body).</summary>
    public required byte[] Encoded { get; set; }

    public required DateTimeOffset EnqueuedAt { get; set; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Deliveries made so far (the AMQP header's delivery-count counts prior attempts, as the service).</summary>
    public int DeliveryCount { get; set; }

    public MessageState State { get; set; }

    public Guid LockToken { get; set; }

    public DateTimeOffset LockedUntil { get; set; }

    public DateTimeOffset ScheduledFor { get; set; }

    /// <summary>The receiver holding the lock; null for a lock taken through <c>$management</c>.</summary>
    public object? LockedBy { get; set; }

    public string? DeadLetterSource { get; set; }

    public int Size => Encoded.Length;
}
