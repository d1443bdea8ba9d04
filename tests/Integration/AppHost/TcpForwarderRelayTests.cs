using System.Net;
using System.Net.Sockets;
using LocalKafka.Forwarding;

namespace Integration.AppHost;

/// <summary>The forwarder that lets pods in k3s reach a loopback-only host listener (the dashboard's OTLP endpoint).</summary>
public sealed class TcpForwarderRelayTests
{
    [Fact]
    public async Task Relay_PipesBytesBothWays_BetweenAClientAndTheLoopbackTarget()
    {
        var ct = TestContext.Current.CancellationToken;
        using var echo = new TcpListener(IPAddress.Loopback, 0);
        echo.Start();
        var serving = EchoOnceAsync(echo, ct);
        await using var relay = TcpForwarder.Start(new IPEndPoint(IPAddress.Loopback, 0), (IPEndPoint)echo.LocalEndpoint);

        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, relay.Port, ct);
        var stream = client.GetStream();
        await stream.WriteAsync("ping"u8.ToArray(), ct);
        var answer = new byte[4];
        await stream.ReadExactlyAsync(answer, ct);

        Assert.Equal("ping"u8.ToArray(), answer);
        await serving;
    }

    [Fact]
    public async Task Relay_ClosesTheClient_WhenTheTargetDoesNotAnswer()
    {
        var ct = TestContext.Current.CancellationToken;
        int closedPort;
        using (var unused = new TcpListener(IPAddress.Loopback, 0))
        {
            unused.Start();
            closedPort = ((IPEndPoint)unused.LocalEndpoint).Port;
        }

        await using var relay = TcpForwarder.Start(new IPEndPoint(IPAddress.Loopback, 0), new IPEndPoint(IPAddress.Loopback, closedPort));
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, relay.Port, ct);

        var read = await client.GetStream().ReadAsync(new byte[1], ct);

        Assert.Equal(0, read);
    }

    private static async Task EchoOnceAsync(TcpListener listener, CancellationToken ct)
    {
        using var connection = await listener.AcceptTcpClientAsync(ct);
        var stream = connection.GetStream();
        var buffer = new byte[4];
        await stream.ReadExactlyAsync(buffer, ct);
        await stream.WriteAsync(buffer, ct);
    }
}
