namespace LocalServiceBus.Entities;

/// <summary>What became of a settlement or lock request.</summary>
internal enum DispositionOutcome
{
    Done = 0,

    /// <summary>The lock token is unknown or its lock expired (<c>com.microsoft:message-lock-lost</c>).</summary>
    LockLost = 1,
}
