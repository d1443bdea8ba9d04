using Amqp.Listener;

namespace LocalServiceBus.Amqp;

/// <summary>The client's receiver for <c>$cbs</c> or <c>$management</c> replies; replies are sent settled.</summary>
internal sealed class ReplyLinkEndpoint : LinkEndpoint
{
    public override void OnFlow(FlowContext flowContext)
    {
    }

    public override void OnDisposition(DispositionContext dispositionContext)
    {
    }
}
