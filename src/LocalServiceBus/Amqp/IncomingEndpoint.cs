using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Amqp.Types;
using LocalServiceBus.Entities;
using Microsoft.Extensions.Logging;

namespace LocalServiceBus.Amqp;

/// <summary>A client's sender link to a queue or topic: single messages and batches (format 0x80013700).</summary>
internal sealed class IncomingEndpoint(string entityName, MessageEntity? queue, Topic? topic, long maxMessageSize, ILogger logger) : LinkEndpoint
{
    public static readonly Symbol MessageSizeExceeded = new("amqp:link:message-size-exceeded");

    public override void OnMessage(MessageContext messageContext)
    {
        var transfer = messageContext.Message;
        var messages = MessageCodec.Unbatch(transfer);
        var size = messages.Sum(m => (long)m.Length);
        if (size > maxMessageSize)
        {
            LocalServiceBusLog.MessageTooLarge(logger, entityName, size, maxMessageSize);
            messageContext.Complete(new Error(MessageSizeExceeded)
            {
                Description = $"The received message (size {size} bytes) exceeds the limit ({maxMessageSize} bytes) currently allowed on the link.",
            });
            return;
        }

        foreach (var encoded in messages)
        {
            var decoded = transfer.Format == MessageCodec.BatchFormat ? MessageCodec.Decode(encoded) : transfer;
            var ttl = MessageCodec.TimeToLive(decoded);
            var scheduled = MessageCodec.ScheduledFor(decoded);
            if (queue is not null)
            {
                queue.Enqueue(encoded, ttl, scheduled);
            }
            else
            {
                topic!.Publish(decoded, encoded, ttl, scheduled);
            }
        }

        messageContext.Complete();
    }

    public override void OnFlow(FlowContext flowContext)
    {
    }

    public override void OnDisposition(DispositionContext dispositionContext)
    {
    }
}
