using Amqp;
using Amqp.Listener;
using LocalServiceBus.Security;
using Microsoft.Extensions.Logging;

namespace LocalServiceBus.Amqp;

/// <summary>
/// The <c>$cbs</c> node: put-token requests carrying a SAS token; a valid token authorizes the connection until it
/// expires (202), a forged, expired or unknown-key token is refused (401) and logged without the token.
/// </summary>
internal sealed class CbsEndpoint(SasTokenValidator validator, TimeProvider time, ILogger logger) : LinkEndpoint
{
    private const string SasTokenType = "servicebus.windows.net:sastoken";

    public override void OnMessage(MessageContext messageContext)
    {
        var request = messageContext.Message;
        var props = request.ApplicationProperties;
        var audience = props?["name"]?.ToString() ?? "";
        var type = props?["type"]?.ToString();
        var token = request.Body as string;
        var check = type == SasTokenType ? validator.Check(token) : SasTokenCheck.Malformed;
        var reply = RequestReply.NewReply();
        if (check == SasTokenCheck.Valid)
        {
            var state = ConnectionState.Of((ListenerConnection)messageContext.Link.Session.Connection);
            var expiry = SasTokenValidator.ExpiryOf(token!);
            if (expiry > state.AuthorizedUntil || state.AuthorizedUntil < time.GetUtcNow())
            {
                state.AuthorizedUntil = expiry;
            }

            reply.ApplicationProperties["status-code"] = 202;
            reply.ApplicationProperties["status-description"] = "Accepted";
        }
        else
        {
            var reason = type == SasTokenType ? Describe(check) : $"token type '{type}' is not supported; use a SAS token";
            LocalServiceBusLog.TokenRefused(logger, "$cbs", audience, reason);
            reply.ApplicationProperties["status-code"] = 401;
            reply.ApplicationProperties["status-description"] = $"Unauthorized: {reason}.";
        }

        messageContext.Complete();
        RequestReply.Send(messageContext.Link, request, reply);
    }

    public static string Describe(SasTokenCheck check) => check switch
    {
        SasTokenCheck.Expired => "the token has expired",
        SasTokenCheck.BadSignature => "the signature does not match the key",
        SasTokenCheck.UnknownKey => "the key name is not known to this namespace",
        _ => "the token is not a SharedAccessSignature",
    };

    public override void OnFlow(FlowContext flowContext)
    {
    }

    public override void OnDisposition(DispositionContext dispositionContext)
    {
    }
}
