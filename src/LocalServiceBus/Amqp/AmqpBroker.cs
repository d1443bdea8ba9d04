using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Amqp.Types;
using LocalServiceBus.Entities;
using LocalServiceBus.Security;
using Microsoft.Extensions.Logging;

namespace LocalServiceBus.Amqp;

/// <summary>
/// The AMQP side: AMQPNetLite's listener with MSSBCBS SASL; every link attach is routed here to <c>$cbs</c>,
/// an entity's <c>$management</c>, or a queue/topic/subscription, after the connection has put a valid token.
/// </summary>
internal sealed class AmqpBroker(ServiceBusNamespace ns, SasTokenValidator validator, LocalServiceBusOptions options, TimeProvider time, ILogger logger)
    : ILinkProcessor, IDisposable
{
    private const string Cbs = "$cbs";
    private const string ManagementSuffix = "/$management";
    private readonly BrokerHandler _handler = new(options.MaxConnections, logger);
    private ContainerHost? _host;

    public int OpenConnections => _handler.OpenConnections;

    public void Start(string host, int port)
    {
        var containerHost = new ContainerHost(new Address(host, port, null, null, "/", "amqp"));
        var listener = containerHost.Listeners[0];
        listener.SASL.EnableMechanism(MssbCbsSaslProfile.Name, new MssbCbsSaslProfile());
        listener.HandlerFactory = _ => _handler;
        listener.AMQP.MaxFrameSize = 64 * 1024;
        containerHost.RegisterLinkProcessor(this);
        containerHost.Open();
        _host = containerHost;
    }

    public void Process(AttachContext attachContext)
    {
        var attach = attachContext.Attach;
        var link = attachContext.Link;
        var clientReceives = attach.Role;
        var address = (clientReceives ? (attach.Source as Source)?.Address : (attach.Target as Target)?.Address) ?? "";
        var state = ConnectionState.Of((ListenerConnection)link.Session.Connection);
        // The SDK reads max-message-size from our attach; echoing its ulong.MaxValue would read as -1 and block every send.
        attach.MaxMessageSize = (ulong)options.MaxMessageSizeBytes;

        if (state.Refused)
        {
            Refuse(attachContext, address, ErrorCode.ResourceLimitExceeded,
                $"ConnectionsQuotaExceeded: the namespace allows {options.MaxConnections} concurrent connections.");
            _ = Task.Run(() => link.Session.Connection.Close(TimeSpan.Zero, new Error(ErrorCode.ResourceLimitExceeded) { Description = "ConnectionsQuotaExceeded" }));
            return;
        }

        if (address == Cbs)
        {
            Complete(attachContext, "cbs", address, clientReceives ? Reply(state, attach, link) : new CbsEndpoint(validator, time, logger), 100);
            return;
        }

        if (state.AuthorizedUntil <= time.GetUtcNow())
        {
            Refuse(attachContext, address, ErrorCode.UnauthorizedAccess, "Unauthorized access: put a valid token on $cbs before attaching.");
            return;
        }

        var path = address.Trim('/');
        if (path.EndsWith(ManagementSuffix, StringComparison.OrdinalIgnoreCase))
        {
            var entityPath = path[..^ManagementSuffix.Length];
            var entity = ns.FindReceivable(entityPath);
            var topic = entity is null ? ns.FindTopic(entityPath) : null;
            if (entity is null && topic is null)
            {
                NotFound(attachContext, address, entityPath);
                return;
            }

            Complete(attachContext, "management", address, clientReceives ? Reply(state, attach, link) : new ManagementEndpoint(entityPath, entity, topic, logger), 100);
            return;
        }

        if (clientReceives)
        {
            var entity = ns.FindReceivable(path);
            if (entity is null)
            {
                NotFound(attachContext, address, path);
                return;
            }

            var endpoint = new OutgoingEndpoint(link, entity, receiveAndDelete: attach.SndSettleMode == SenderSettleMode.Settled, logger);
            entity.Attach(endpoint);
            Complete(attachContext, "receiver", address, endpoint, 0);
            return;
        }

        var queue = ns.FindQueue(path);
        var targetTopic = queue is null ? ns.FindTopic(path) : null;
        if (queue is null && targetTopic is null)
        {
            NotFound(attachContext, address, path);
            return;
        }

        Complete(attachContext, "sender", address, new IncomingEndpoint(path, queue, targetTopic, options.MaxMessageSizeBytes, logger), 200);
    }

    private static ReplyLinkEndpoint Reply(ConnectionState state, Attach attach, ListenerLink link)
    {
        if ((attach.Target as Target)?.Address is { } replyTo)
        {
            state.AddReplyLink(replyTo, link);
        }

        return new ReplyLinkEndpoint();
    }

    private void Complete(AttachContext context, string kind, string address, LinkEndpoint endpoint, int credit)
    {
        LocalServiceBusLog.LinkAttached(logger, kind, context.Link.Name, address);
        context.Complete(endpoint, credit);
    }

    private void NotFound(AttachContext context, string address, string path) =>
        Refuse(context, address, ErrorCode.NotFound, $"The messaging entity 'sb://{ns.Name}/{path}' could not be found.");

    private void Refuse(AttachContext context, string address, Symbol condition, string description)
    {
        LocalServiceBusLog.LinkRefused(logger, context.Link.Name, address, description);
        context.Complete(new Error(condition) { Description = description });
    }

    public void Dispose()
    {
        _host?.Close();
        _host = null;
    }
}
