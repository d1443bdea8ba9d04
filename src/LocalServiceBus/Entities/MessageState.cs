namespace LocalServiceBus.Entities;

/// <summary>Where a message stands; the numbers are the service's <c>x-opt-message-state</c> values where it has one.</summary>
internal enum MessageState
{
    Active = 0,
    Deferred = 1,
    Scheduled = 2,
    Locked = 3,
}
