using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Amqp.Types;
using LocalServiceBus.Entities;
using Microsoft.Extensions.Logging;

namespace LocalServiceBus.Amqp;

/// <summary>
/// A client's receiver link on a queue, subscription or dead-letter queue: sends within the credit the SDK grants,
/// answers drains, and turns dispositions into complete/abandon/dead-letter/defer/release by lock token.
/// </summary>
internal sealed class OutgoingEndpoint(ListenerLink link, MessageEntity entity, bool receiveAndDelete, ILogger logger) : LinkEndpoint, IMessageSink
{
    public static readonly Symbol DeadLetterCondition = new("com.microsoft:dead-letter");
    public static readonly Symbol LockLostCondition = new("com.microsoft:message-lock-lost");

    public bool ReceiveAndDelete { get; } = receiveAndDelete;

    public void Send(Message message, Guid lockToken)
    {
        BrokerHandler.Tag(message, lockToken);
        try
        {
            link.SendMessage(message);
        }
        catch (AmqpException e)
        {
            LocalServiceBusLog.DeliveryFailed(logger, link.Name, e.Error?.Condition?.ToString() ?? e.Message);
        }
    }

    public void CompleteDrain() => link.CompleteDrain();

    public override void OnFlow(FlowContext flowContext) => entity.OnFlow(this, flowContext.Messages, flowContext.Link.IsDraining);

    public override void OnDisposition(DispositionContext dispositionContext)
    {
        var message = dispositionContext.Message;
        if (message.DeliveryTag is not { Length: 16 } tag)
        {
            return;
        }

        var token = new Guid(tag);
        var (outcome, reply) = dispositionContext.DeliveryState switch
        {
            Accepted => (entity.Complete(token), (DeliveryState)new Accepted()),
            Modified { UndeliverableHere: true } modified => (entity.Defer(token, MessageCodec.Pairs(modified.MessageAnnotations)), modified),
            Modified modified => (entity.Abandon(token, MessageCodec.Pairs(modified.MessageAnnotations)), modified),
            Rejected rejected when DeadLetterCondition.Equals(rejected.Error?.Condition) => (DeadLetter(token, rejected.Error), new Rejected()),
            Rejected rejected => (entity.DeadLetter(token, rejected.Error?.Condition?.ToString(), rejected.Error?.Description, []), new Rejected()),
            _ => (entity.Release(token), (DeliveryState)new Released()),
        };

        if (outcome == DispositionOutcome.LockLost)
        {
            reply = new Rejected
            {
                Error = new Error(LockLostCondition) { Description = "The lock supplied is invalid. Either the lock expired, or the message has already been removed from the queue." },
            };
        }

        if (!dispositionContext.Settled)
        {
            link.DisposeMessage(message, reply, settled: true);
        }
    }

    public override void OnLinkClosed(ListenerLink closedLink, Error error) => entity.Detach(this);

    private DispositionOutcome DeadLetter(Guid token, Error error)
    {
        // Error info is a fields map: its keys are symbols.
        var info = MessageCodec.Pairs(error.Info).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        info.Remove("DeadLetterReason", out var reason);
        info.Remove("DeadLetterErrorDescription", out var description);
        return entity.DeadLetter(token, reason?.ToString(), description?.ToString(), info);
    }
}
