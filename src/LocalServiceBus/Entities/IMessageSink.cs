using Amqp;

namespace LocalServiceBus.Entities;

/// <summary>A receiver attached to an entity: the entity hands it messages within the credit it granted.</summary>
internal interface IMessageSink
{
    bool ReceiveAndDelete { get; }

    void Send(Message message, Guid lockToken);

    void CompleteDrain();
}
