using Amqp;
using LocalServiceBus.Amqp;

namespace LocalServiceBus.Entities;

/// <summary>Settlement, lock renewal and the <c>$management</c> reads of an entity.</summary>
internal sealed partial class MessageEntity
{
    public DispositionOutcome Complete(Guid lockToken) => Settle(lockToken, m => Remove(m));

    /// <summary>Abandon: the lock ends, the delivery counts, the message is redelivered (or dead-lettered at MaxDeliveryCount).</summary>
    public DispositionOutcome Abandon(Guid lockToken, IEnumerable<KeyValuePair<string, object?>> properties) => Settle(lockToken, m =>
    {
        MessageCodec.MergeApplicationProperties(m, properties);
        _locks.Remove(m.LockToken);
        ReturnLocked(m, countDelivery: true);
    });

    /// <summary>Released by the client (a delivery no receive call wanted): back to the queue, not counted.</summary>
    public DispositionOutcome Release(Guid lockToken) => Settle(lockToken, m =>
    {
        _locks.Remove(m.LockToken);
        ReturnLocked(m, countDelivery: false);
    });

    public DispositionOutcome DeadLetter(Guid lockToken, string? reason, string? description, IEnumerable<KeyValuePair<string, object?>> properties) =>
        Settle(lockToken, m => MoveToDeadLetter(m, reason, description, properties));

    /// <summary>Defer: the message stays, only receivable by sequence number.</summary>
    public DispositionOutcome Defer(Guid lockToken, IEnumerable<KeyValuePair<string, object?>> properties) => Settle(lockToken, m =>
    {
        MessageCodec.MergeApplicationProperties(m, properties);
        _locks.Remove(m.LockToken);
        m.State = MessageState.Deferred;
        m.LockedUntil = default;
        m.LockedBy = null;
    });

    /// <summary>Extends a held lock by the entity's LockDuration; null when the lock is lost.</summary>
    public DateTimeOffset? RenewLock(Guid lockToken)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (!_locks.TryGetValue(lockToken, out var message) || message.LockedUntil <= now)
            {
                return null;
            }

            message.LockedUntil = now + Properties.LockDuration;
            return message.LockedUntil;
        }
    }

    /// <summary>Messages from <paramref name="fromSequenceNumber"/> on, without locking them (peek).</summary>
    public IReadOnlyList<Message> Peek(long fromSequenceNumber, int count)
    {
        lock (_gate)
        {
            return _messages.Values.Where(m => m.SequenceNumber >= fromSequenceNumber).Take(count)
                .Select(m => MessageCodec.ForDelivery(m, m.DeliveryCount)).ToList();
        }
    }

    /// <summary>Receives deferred messages by sequence number, locked through <c>$management</c> (or deleted).</summary>
    public IReadOnlyList<(Message Message, Guid LockToken)> ReceiveDeferred(IEnumerable<long> sequenceNumbers, bool receiveAndDelete)
    {
        var result = new List<(Message, Guid)>();
        lock (_gate)
        {
            foreach (var sequenceNumber in sequenceNumbers)
            {
                if (_messages.TryGetValue(sequenceNumber, out var message) && message.State == MessageState.Deferred)
                {
                    var delivered = Deliver(message, receiveAndDelete ? ManagementReceiveAndDelete.Instance : null);
                    result.Add((delivered, message.LockToken));
                }
            }
        }

        return result;
    }

    public void CancelScheduled(IEnumerable<long> sequenceNumbers)
    {
        lock (_gate)
        {
            foreach (var sequenceNumber in sequenceNumbers)
            {
                if (_messages.TryGetValue(sequenceNumber, out var message) && message.State == MessageState.Scheduled)
                {
                    Remove(message);
                }
            }
        }
    }

    /// <summary>The counts the ATOM runtime-properties document reports.</summary>
    public EntityCounts Counts()
    {
        long dead = DeadLetterQueue?.Counts().Total ?? 0;
        lock (_gate)
        {
            var scheduled = _messages.Values.Count(m => m.State == MessageState.Scheduled);
            return new EntityCounts(
                Active: _messages.Count - scheduled,
                DeadLetter: dead,
                Scheduled: scheduled,
                SizeInBytes: _sizeInBytes,
                AccessedAt: AccessedAt);
        }
    }

    private DispositionOutcome Settle(Guid lockToken, Action<StoredMessage> settle)
    {
        lock (_gate)
        {
            if (!_locks.TryGetValue(lockToken, out var message) || message.LockedUntil <= _time.GetUtcNow())
            {
                return DispositionOutcome.LockLost;
            }

            settle(message);
        }

        Pump();
        return DispositionOutcome.Done;
    }

    private sealed class ManagementReceiveAndDelete : IMessageSink
    {
        public static readonly ManagementReceiveAndDelete Instance = new();

        public bool ReceiveAndDelete => true;

        public void Send(Message message, Guid lockToken)
        {
        }

        public void CompleteDrain()
        {
        }
    }
}
