using System.Net.Sockets;

namespace AppHost.Profiles;

/// <summary>Asks a Docker engine socket for <c>/_ping</c>.</summary>
internal static class DockerEngine
{
    public static string? Answering(IEnumerable<string> sockets)
    {
        foreach (var path in sockets.Where(File.Exists))
        {
            try
            {
                using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                socket.ReceiveTimeout = 2000;
                socket.SendTimeout = 2000;
                socket.Connect(new UnixDomainSocketEndPoint(path));
                socket.Send("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"u8);
                var buffer = new byte[256];
                var read = socket.Receive(buffer);
                if (System.Text.Encoding.ASCII.GetString(buffer, 0, read).Contains(" 200 ", StringComparison.Ordinal))
                {
                    return path;
                }
            }
            catch (SocketException)
            {
                // Not answering: try the next socket.
            }
        }

        return null;
    }
}
