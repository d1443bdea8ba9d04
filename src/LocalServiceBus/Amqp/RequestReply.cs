using Amqp;
using Amqp.Framing;
using Amqp.Listener;

namespace LocalServiceBus.Amqp;

/// <summary>Request/response over a link pair (<c>$cbs</c>, <c>$management</c>): the reply goes to the link whose target is the request's reply-to.</summary>
internal static class RequestReply
{
    public static Message NewReply(object? body = null) => new()
    {
        Properties = new Properties(),
        ApplicationProperties = new ApplicationProperties(),
        BodySection = new AmqpValue { Value = body },
    };

    public static void Send(ListenerLink requestLink, Message request, Message reply)
    {
        reply.Properties ??= new Properties();
        if (request.Properties?.GetMessageId() is { } id)
        {
            reply.Properties.SetCorrelationId(id);
        }

        var connection = (ListenerConnection)requestLink.Session.Connection;
        var replyLink = ConnectionState.Of(connection).ReplyLink(request.Properties?.ReplyTo);
        replyLink?.SendMessage(reply);
    }
}
