using System.Net;
using System.Net.Sockets;

namespace AppHost.Hosting;

/// <summary>
/// Accepts TCP connections on one address and pipes each to a loopback port: pods in k3s reach a host listener that
/// binds loopback only (the dashboard's OTLP endpoint) through the host's address on the container network.
/// </summary>
internal sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private TcpRelay(IPAddress address, int targetPort)
    {
        _targetPort = targetPort;
        _listener = new TcpListener(address, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The port the relay listens on (picked by the system).</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static TcpRelay Start(IPAddress address, int targetPort) => new(address, targetPort);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        using (client)
        using (var target = new TcpClient())
        {
            try
            {
                await target.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                var inbound = client.GetStream();
                var outbound = target.GetStream();
                // Either side closing ends the pair.
                await Task.WhenAny(inbound.CopyToAsync(outbound, _stop.Token), outbound.CopyToAsync(inbound, _stop.Token));
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException)
            {
                // The target is down or a side went away: the client sees its connection close.
            }
        }
    }
}
