namespace LocalServiceBus.Entities;

/// <summary>
/// Message counts of a queue or subscription. Active includes locked and deferred messages, as the service counts
/// them; Total is what <c>MessageCount</c> reports (everything but the dead-letter sub-queue's own count).
/// </summary>
internal readonly record struct EntityCounts(long Active, long DeadLetter, long Scheduled, long SizeInBytes, DateTimeOffset AccessedAt)
{
    public long Total => Active + Scheduled;
}
