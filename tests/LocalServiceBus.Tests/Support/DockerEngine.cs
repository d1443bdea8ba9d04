using System.Net.Sockets;

namespace LocalServiceBus.Tests.Support;

/// <summary>Whether a Docker engine answers here (DOCKER_HOST, or the default unix socket accepting a connection).</summary>
internal static class DockerEngine
{
    private const string DefaultSocket = "/var/run/docker.sock";

    public static string? UnavailableReason { get; } = Probe();

    private static string? Probe()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")))
        {
            return null;
        }

        if (!File.Exists(DefaultSocket))
        {
            return $"no Docker engine answers (no DOCKER_HOST and no {DefaultSocket}); the emulator container tests need one";
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(DefaultSocket));
            return null;
        }
        catch (SocketException e)
        {
            return $"no Docker engine answers at {DefaultSocket} ({e.SocketErrorCode}); the emulator container tests need one";
        }
    }
}
