using System.Net;
using System.Net.Sockets;

namespace LocalKafka.Forwarding;

/// <summary>
/// Accepts connections on a fixed local port and pipes each one to a mock broker's listener. librdkafka's mock
/// brokers always listen on an ephemeral port; the forwarder gives a broker the port the user asked for (the
/// broker then advertises that port in its metadata).
/// </summary>
internal sealed class TcpForwarder : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;

    private TcpForwarder(TcpListener listener, IPEndPoint upstream)
    {
        _listener = listener;
        _upstream = upstream;
        _acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Listens on <paramref name="listenOn"/> (port 0 = a free port) and forwards to <paramref name="upstream"/>.</summary>
    public static TcpForwarder Start(IPEndPoint listenOn, IPEndPoint upstream)
    {
        var listener = new TcpListener(listenOn);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return new TcpForwarder(listener, upstream);
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                connections.RemoveAll(t => t.IsCompleted);
                connections.Add(PipeAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException) when (_stop.IsCancellationRequested)
        {
        }

        await Task.WhenAll(connections).ConfigureAwait(false);
    }

    private async Task PipeAsync(TcpClient client)
    {
        using var upstream = new TcpClient();
        using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        try
        {
            client.NoDelay = true;
            upstream.NoDelay = true;
            await upstream.ConnectAsync(_upstream, done.Token).ConfigureAwait(false);
            var a = client.GetStream();
            var b = upstream.GetStream();
            var up = a.CopyToAsync(b, done.Token);
            var down = b.CopyToAsync(a, done.Token);
            await Task.WhenAny(up, down).ConfigureAwait(false);
            await done.CancelAsync().ConfigureAwait(false);
            client.Close();
            upstream.Close();
            await Task.WhenAll(up, down).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A closed side ends the connection, as it would on a real broker.
        }
        finally
        {
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _acceptLoop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
