using Amqp;
using Amqp.Sasl;
using Amqp.Types;

namespace LocalServiceBus.Amqp;

/// <summary>
/// The SASL mechanism the SDK offers (<c>MSSBCBS</c>): an anonymous handshake; authorization happens afterwards
/// through CBS put-token.
/// </summary>
internal sealed class MssbCbsSaslProfile() : SaslProfile(Name)
{
    public static readonly Symbol Name = new("MSSBCBS");

    protected override ITransport UpgradeTransport(ITransport transport) => transport;

    protected override DescribedList GetStartCommand(string hostname) => null!;

    protected override DescribedList OnCommand(DescribedList command) => new SaslOutcome { Code = SaslCode.Ok };
}
