using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Operator.Tests.Support;

/// <summary>The built operator program (keda-dotnet-operator.dll beside the tests) and free loopback ports for programs the tests start.</summary>
internal static class OperatorProgram
{
    /// <summary><c>dotnet keda-dotnet-operator.dll ARGS</c> with stdout and stderr redirected.</summary>
    public static ProcessStartInfo StartInfo(params IEnumerable<string> args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "keda-dotnet-operator.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
