using System.Net;
using System.Net.Sockets;

namespace AppHost.Hosting;

/// <summary>A free port on 127.0.0.1 for a program that must be told its port (brokers advertise it to clients).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
