using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LocalKafka.Tests;

/// <summary>The LocalKafka program as the AppHost starts it: arguments in, a ready line out, SIGTERM ends it.</summary>
public sealed class ProgramTests
{
    [Fact]
    public async Task Program_PrintsReadyWithItsBootstrapServers_ServesTopics_AndStopsOnSigterm()
    {
        var port = FreePort();
        using var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "LocalKafka.dll"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--topic", "orders:3" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            var ready = await ReadUntilAsync(process.StandardOutput, "LocalKafka: ready");

            Assert.EndsWith($"bootstrap servers 127.0.0.1:{port}", ready, StringComparison.Ordinal);
            using var admin = KafkaClients.Admin($"127.0.0.1:{port}");
            Assert.Equal(3, admin.GetMetadata("orders", KafkaClients.Timeout).Topics.Single().Partitions.Count);

            using (Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
            }

            using var exit = new CancellationTokenSource(KafkaClients.Timeout);
            await process.WaitForExitAsync(exit.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Fact]
    public async Task Program_WithABadTopic_ExitsWithTwo_NamingTheProblem()
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "LocalKafka.dll"), "--topic", "orders:none" },
            RedirectStandardError = true,
        })!;

        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("partitions must be a positive integer", error, StringComparison.Ordinal);
    }

    private static async Task<string> ReadUntilAsync(StreamReader output, string prefix)
    {
        using var timeout = new CancellationTokenSource(KafkaClients.Timeout);
        while (await output.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"the program ended before printing '{prefix}'");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
