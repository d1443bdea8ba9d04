using Amqp;
using LocalServiceBus.Amqp;
using LocalServiceBus.Config;

namespace LocalServiceBus.Entities;

/// <summary>
/// A queue, a subscription or a dead-letter sub-queue: ordered messages, peek-lock with lock tokens, delivery counts,
/// dead-lettering, TTL expiry, deferral and scheduling. One lock guards the state; messages go out after it is released.
/// </summary>
internal sealed partial class MessageEntity
{
    public const string MaxDeliveryCountExceeded = "MaxDeliveryCountExceeded";
    public const string TtlExpired = "TTLExpiredException";

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly SortedDictionary<long, StoredMessage> _messages = [];
    private readonly SortedSet<long> _available = [];
    private readonly Dictionary<Guid, StoredMessage> _locks = [];
    private readonly List<Consumer> _consumers = [];
    private long _nextSequenceNumber = 1;
    private long _sizeInBytes;
    private int _nextConsumer;

    public MessageEntity(string path, EntityProperties properties, TimeProvider time, bool isDeadLetterQueue = false)
    {
        Path = path;
        Properties = properties;
        _time = time;
        CreatedAt = time.GetUtcNow();
        DeadLetterQueue = isDeadLetterQueue ? null : new MessageEntity(path + "/$deadletterqueue", properties, time, isDeadLetterQueue: true);
    }

    public string Path { get; }

    public EntityProperties Properties { get; set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset AccessedAt { get; private set; }

    /// <summary>The <c>$deadletterqueue</c> sub-queue; null for a dead-letter queue itself.</summary>
    public MessageEntity? DeadLetterQueue { get; }

    /// <summary>Accepts a message; a future scheduled time makes it scheduled, else it is available at once.</summary>
    public long Enqueue(byte[] encoded, TimeSpan? timeToLive, DateTimeOffset? scheduledFor)
    {
        var sequenceNumber = EnqueueCore(encoded, timeToLive, scheduledFor, deliveryCount: 0);
        Pump();
        return sequenceNumber;
    }

    private long EnqueueCore(byte[] encoded, TimeSpan? timeToLive, DateTimeOffset? scheduledFor, int deliveryCount)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var ttl = timeToLive is { } t && t < Properties.DefaultMessageTimeToLive ? t : Properties.DefaultMessageTimeToLive;
            var stored = new StoredMessage
            {
                SequenceNumber = _nextSequenceNumber++,
                Encoded = encoded,
                EnqueuedAt = now,
                ExpiresAt = DeadLetterQueue is null ? DateTimeOffset.MaxValue : now + ttl,
                DeliveryCount = deliveryCount,
            };
            _messages.Add(stored.SequenceNumber, stored);
            _sizeInBytes += stored.Size;
            if (scheduledFor is { } at && at > now)
            {
                stored.State = MessageState.Scheduled;
                stored.ScheduledFor = at;
            }
            else
            {
                _available.Add(stored.SequenceNumber);
            }

            return stored.SequenceNumber;
        }
    }

    public void Attach(IMessageSink sink)
    {
        lock (_gate)
        {
            _consumers.Add(new Consumer(sink));
        }
    }

    public void Detach(IMessageSink sink)
    {
        lock (_gate)
        {
            _consumers.RemoveAll(c => c.Sink == sink);
        }
    }

    /// <summary>Credit changed on a receiver link (AMQPNetLite's rule: a flow that does not raise the limit zeroes it).</summary>
    public void OnFlow(IMessageSink sink, int delta, bool drain)
    {
        lock (_gate)
        {
            var consumer = _consumers.Find(c => c.Sink == sink);
            if (consumer is null)
            {
                return;
            }

            consumer.Credit = delta <= 0 ? 0 : consumer.Credit + delta;
            consumer.Drain = drain;
        }

        Pump();
    }

    /// <summary>Expires locks, messages past their TTL and due scheduled messages; then delivers.</summary>
    public void Sweep()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var expired in _locks.Values.Where(m => m.LockedUntil <= now).ToList())
            {
                _locks.Remove(expired.LockToken);
                ReturnLocked(expired, countDelivery: true);
            }

            foreach (var message in _messages.Values.Where(m => m.State != MessageState.Locked && m.ExpiresAt <= now).ToList())
            {
                Expire(message);
            }

            foreach (var due in _messages.Values.Where(m => m.State == MessageState.Scheduled && m.ScheduledFor <= now).ToList())
            {
                // The service stamps a scheduled message's enqueued time when it becomes active.
                due.State = MessageState.Active;
                due.EnqueuedAt = due.ScheduledFor;
                _available.Add(due.SequenceNumber);
            }
        }

        Pump();
    }

    /// <summary>Hands available messages to receivers with credit; answers drains when nothing is left to send.</summary>
    public void Pump()
    {
        List<(IMessageSink Sink, Message Message, Guid Token)>? sends = null;
        List<IMessageSink>? drained = null;
        lock (_gate)
        {
            while (_available.Count > 0 && NextConsumerWithCredit() is { } consumer)
            {
                var message = _messages[_available.Min];
                _available.Remove(message.SequenceNumber);
                consumer.Credit--;
                (sends ??= []).Add((consumer.Sink, Deliver(message, consumer.Sink), message.LockToken));
            }

            foreach (var consumer in _consumers.Where(c => c.Drain))
            {
                consumer.Drain = false;
                consumer.Credit = 0;
                (drained ??= []).Add(consumer.Sink);
            }

            AccessedAt = _time.GetUtcNow();
        }

        foreach (var (sink, message, token) in sends ?? [])
        {
            sink.Send(message, token);
        }

        foreach (var sink in drained ?? [])
        {
            sink.CompleteDrain();
        }

        DeadLetterQueue?.Pump();
    }

    private Consumer? NextConsumerWithCredit()
    {
        for (var i = 0; i < _consumers.Count; i++)
        {
            var consumer = _consumers[(_nextConsumer + i) % _consumers.Count];
            if (consumer.Credit > 0)
            {
                _nextConsumer = (_nextConsumer + i + 1) % _consumers.Count;
                return consumer;
            }
        }

        return null;
    }

    /// <summary>Takes a message out for a receiver: locks it (peek-lock) or removes it (receive-and-delete).</summary>
    private Message Deliver(StoredMessage message, IMessageSink? sink)
    {
        var prior = message.DeliveryCount++;
        if (sink is { ReceiveAndDelete: true })
        {
            Remove(message);
            message.LockToken = Guid.NewGuid();
            return MessageCodec.ForDelivery(message, prior);
        }

        message.State = MessageState.Locked;
        message.LockToken = Guid.NewGuid();
        message.LockedUntil = _time.GetUtcNow() + Properties.LockDuration;
        message.LockedBy = sink;
        _locks[message.LockToken] = message;
        return MessageCodec.ForDelivery(message, prior);
    }

    private void Remove(StoredMessage message)
    {
        if (_messages.Remove(message.SequenceNumber))
        {
            _sizeInBytes -= message.Size;
        }

        _available.Remove(message.SequenceNumber);
        if (message.State == MessageState.Locked)
        {
            _locks.Remove(message.LockToken);
        }
    }

    /// <summary>A lock ended without completion: back to the queue, or to the dead-letter queue at MaxDeliveryCount.</summary>
    private void ReturnLocked(StoredMessage message, bool countDelivery)
    {
        if (!countDelivery)
        {
            message.DeliveryCount--;
        }

        message.State = MessageState.Active;
        message.LockedUntil = default;
        message.LockedBy = null;
        if (DeadLetterQueue is not null && message.DeliveryCount >= Properties.MaxDeliveryCount)
        {
            MoveToDeadLetter(message, MaxDeliveryCountExceeded,
                $"Message could not be consumed after {Properties.MaxDeliveryCount} delivery attempts.");
            return;
        }

        _available.Add(message.SequenceNumber);
    }

    private void Expire(StoredMessage message)
    {
        if (Properties.DeadLetteringOnMessageExpiration && DeadLetterQueue is not null)
        {
            MoveToDeadLetter(message, TtlExpired, "The message expired and was dead lettered.");
        }
        else
        {
            Remove(message);
        }
    }

    private void MoveToDeadLetter(StoredMessage message, string? reason, string? description, IEnumerable<KeyValuePair<string, object?>>? properties = null)
    {
        Remove(message);
        var extra = (properties ?? []).ToList();
        if (reason is not null)
        {
            extra.Add(new("DeadLetterReason", reason));
        }

        if (description is not null)
        {
            extra.Add(new("DeadLetterErrorDescription", description));
        }

        MessageCodec.MergeApplicationProperties(message, extra);
        // Lock order is always entity → its dead-letter queue; the caller's Pump delivers from the DLQ afterwards.
        DeadLetterQueue!.EnqueueCore(message.Encoded, timeToLive: null, scheduledFor: null, message.DeliveryCount);
    }

    private sealed class Consumer(IMessageSink sink)
    {
        public IMessageSink Sink { get; } = sink;

        public int Credit { get; set; }

        public bool Drain { get; set; }
    }
}
