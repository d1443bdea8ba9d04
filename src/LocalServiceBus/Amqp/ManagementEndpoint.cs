using Amqp;
using Amqp.Listener;
using Amqp.Types;
using LocalServiceBus.Entities;
using Microsoft.Extensions.Logging;

namespace LocalServiceBus.Amqp;

/// <summary>
/// An entity's <c>$management</c> node: renew-lock, peek, schedule/cancel, receive-by-sequence-number and
/// update-disposition, answered with <c>statusCode</c>/<c>statusDescription</c> as the service does.
/// </summary>
internal sealed class ManagementEndpoint(string entityName, MessageEntity? entity, Topic? topic, ILogger logger) : LinkEndpoint
{
    private const string Prefix = "com.microsoft:";
    private static readonly Symbol LockLost = new("com.microsoft:message-lock-lost");

    public override void OnMessage(MessageContext messageContext)
    {
        var request = messageContext.Message;
        var operation = request.ApplicationProperties?["operation"]?.ToString() ?? "";
        var body = request.Body as Map ?? [];
        var reply = Handle(operation, body);
        messageContext.Complete();
        RequestReply.Send(messageContext.Link, request, reply);
    }

    private Message Handle(string operation, Map body)
    {
        switch (operation)
        {
            case Prefix + "renew-lock" when entity is not null:
                var tokens = (Guid[]?)body["lock-tokens"] ?? [];
                var expirations = tokens.Select(entity.RenewLock).ToList();
                return expirations.Any(e => e is null)
                    ? Status(410, "The lock supplied is invalid. Either the lock expired, or the message has already been removed.", condition: LockLost)
                    : Status(200, "OK", new Map { ["expirations"] = expirations.Select(e => e!.Value.UtcDateTime).ToArray() });
            case Prefix + "peek-message" when entity is not null:
                var from = Convert.ToInt64(body["from-sequence-number"] ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
                var count = Convert.ToInt32(body["message-count"] ?? 1, System.Globalization.CultureInfo.InvariantCulture);
                var peeked = entity.Peek(from, count);
                return peeked.Count == 0
                    ? Status(204, "No messages")
                    : Status(200, "OK", new Map { ["messages"] = ToList(peeked.Select(m => new Map { ["message"] = MessageCodec.Encode(m) })) });
            case Prefix + "schedule-message":
                return Schedule(body);
            case Prefix + "cancel-scheduled-message" when entity is not null:
                entity.CancelScheduled((long[]?)body["sequence-numbers"] ?? []);
                return Status(200, "OK");
            case Prefix + "receive-by-sequence-number" when entity is not null:
                var settleMode = Convert.ToUInt32(body["receiver-settle-mode"] ?? 1u, System.Globalization.CultureInfo.InvariantCulture);
                var received = entity.ReceiveDeferred((long[]?)body["sequence-numbers"] ?? [], receiveAndDelete: settleMode == 0);
                return Status(200, "OK", new Map
                {
                    ["messages"] = ToList(received.Select(r => new Map { ["lock-token"] = r.LockToken, ["message"] = MessageCodec.Encode(r.Message) })),
                });
            case Prefix + "update-disposition" when entity is not null:
                return UpdateDisposition(entity, body);
            default:
                LocalServiceBusLog.OperationNotSupported(logger, operation, entityName);
                return Status(501, $"The operation '{operation}' is not supported by the local Service Bus.", condition: new Symbol("amqp:not-implemented"));
        }
    }

    private Message Schedule(Map body)
    {
        var numbers = new List<long>();
        foreach (var item in body["messages"] as List ?? [])
        {
            if (item is Map { } entry && entry["message"] is byte[] encoded)
            {
                var decoded = MessageCodec.Decode(encoded);
                var ttl = MessageCodec.TimeToLive(decoded);
                var at = MessageCodec.ScheduledFor(decoded);
                if (entity is not null)
                {
                    numbers.Add(entity.Enqueue(encoded, ttl, at));
                }
                else
                {
                    // A topic has no sequence numbers of its own; the service's are per topic, ours per subscription.
                    topic?.Publish(decoded, encoded, ttl, at);
                    numbers.Add(0);
                }
            }
        }

        return Status(200, "OK", new Map { ["sequence-numbers"] = numbers.ToArray() });
    }

    private static Message UpdateDisposition(MessageEntity entity, Map body)
    {
        var status = body["disposition-status"]?.ToString();
        var properties = MessageCodec.Pairs(body["properties-to-modify"] as Map).ToList();
        var outcomes = ((Guid[]?)body["lock-tokens"] ?? []).Select(token => status switch
        {
            "completed" => entity.Complete(token),
            "abandoned" => entity.Abandon(token, properties),
            "defered" => entity.Defer(token, properties),
            "suspended" => entity.DeadLetter(token, body["deadletter-reason"]?.ToString(), body["deadletter-description"]?.ToString(), properties),
            _ => DispositionOutcome.LockLost,
        }).ToList();
        return outcomes.Any(o => o == DispositionOutcome.LockLost)
            ? Status(410, "The lock supplied is invalid.", condition: LockLost)
            : Status(200, "OK");
    }

    private static List ToList(IEnumerable<object> items)
    {
        var list = new List();
        foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static Message Status(int code, string description, Map? body = null, Symbol? condition = null)
    {
        var reply = RequestReply.NewReply(body);
        reply.ApplicationProperties["statusCode"] = code;
        reply.ApplicationProperties["statusDescription"] = description;
        if (condition is not null)
        {
            reply.ApplicationProperties["errorCondition"] = condition;
        }

        return reply;
    }

    public override void OnFlow(FlowContext flowContext)
    {
    }

    public override void OnDisposition(DispositionContext dispositionContext)
    {
    }
}
