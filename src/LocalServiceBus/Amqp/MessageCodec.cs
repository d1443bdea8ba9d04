using Amqp;
using Amqp.Framing;
using Amqp.Types;
using LocalServiceBus.Entities;

namespace LocalServiceBus.Amqp;

/// <summary>Encoding stored messages and the annotations the SDK reads from a delivered message.</summary>
internal static class MessageCodec
{
    /// <summary>The message format of a batch: one transfer whose Data sections are each a complete message.</summary>
    public const uint BatchFormat = 0x80013700;

    public static readonly Symbol SequenceNumber = new("x-opt-sequence-number");
    public static readonly Symbol EnqueuedTime = new("x-opt-enqueued-time");
    public static readonly Symbol LockedUntil = new("x-opt-locked-until");
    public static readonly Symbol ScheduledEnqueueTime = new("x-opt-scheduled-enqueue-time");
    public static readonly Symbol DeadLetterSource = new("x-opt-deadletter-source");
    public static readonly Symbol MessageStateAnnotation = new("x-opt-message-state");
    public static readonly Symbol LockToken = new("x-opt-lock-token");

    public static byte[] Encode(Message message)
    {
        var buffer = message.Encode();
        return buffer.Buffer.AsSpan(buffer.Offset, buffer.Length).ToArray();
    }

    public static Message Decode(byte[] bytes) => Message.Decode(new ByteBuffer(bytes, 0, bytes.Length, bytes.Length));

    /// <summary>The messages a transfer carries: itself, or each Data section of a batch.</summary>
    public static IReadOnlyList<byte[]> Unbatch(Message transfer)
    {
        if (transfer.Format != BatchFormat)
        {
            return [Encode(transfer)];
        }

        return transfer.BodySection switch
        {
            DataList list => Enumerable.Range(0, list.Count).Select(i => list[i].Binary).ToList(),
            Data single => [single.Binary],
            _ => [],
        };
    }

    public static DateTimeOffset? ScheduledFor(Message message) =>
        message.MessageAnnotations?[ScheduledEnqueueTime] is DateTime at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;

    public static TimeSpan? TimeToLive(Message message) =>
        message.Header is { Ttl: > 0 } header ? TimeSpan.FromMilliseconds(header.Ttl) : null;

    /// <summary>The message as the SDK receives it: stored sections plus the broker's header and annotations.</summary>
    public static Message ForDelivery(StoredMessage stored, int priorDeliveries)
    {
        var message = Decode(stored.Encoded);
        message.Header ??= new Header();
        message.Header.DeliveryCount = (uint)Math.Max(0, priorDeliveries);
        message.MessageAnnotations ??= new MessageAnnotations();
        var annotations = message.MessageAnnotations;
        annotations[SequenceNumber] = stored.SequenceNumber;
        annotations[EnqueuedTime] = stored.EnqueuedAt.UtcDateTime;
        annotations[MessageStateAnnotation] = stored.State == MessageState.Locked ? (int)MessageState.Active : (int)stored.State;
        if (stored.State == MessageState.Locked || stored.LockedUntil != default)
        {
            annotations[LockedUntil] = stored.LockedUntil.UtcDateTime;
        }

        if (stored.DeadLetterSource is not null)
        {
            annotations[DeadLetterSource] = stored.DeadLetterSource;
        }

        return message;
    }

    /// <summary>Re-encodes the stored message with application properties merged (abandon/defer/dead-letter carry them).</summary>
    public static void MergeApplicationProperties(StoredMessage stored, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var list = properties.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var message = Decode(stored.Encoded);
        message.ApplicationProperties ??= new ApplicationProperties();
        foreach (var (key, value) in list)
        {
            message.ApplicationProperties[key] = value;
        }

        stored.Encoded = Encode(message);
    }

    /// <summary>String-keyed pairs of an AMQP map (abandon/dead-letter property maps arrive as <see cref="Fields"/> or <see cref="Map"/>).</summary>
    public static IEnumerable<KeyValuePair<string, object?>> Pairs(Map? map) =>
        map is null ? [] : map.Keys.Cast<object>().Select(k => new KeyValuePair<string, object?>(k.ToString()!, map[k]));
}
