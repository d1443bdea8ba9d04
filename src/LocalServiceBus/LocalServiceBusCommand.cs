using System.Globalization;
using LocalServiceBus.Config;
using Microsoft.Extensions.Logging;

namespace LocalServiceBus;

/// <summary>
/// <c>dotnet run --project src/LocalServiceBus -- --config Config.json [--amqp-port 5672] [--http-port 5300] [--host 127.0.0.1]</c>:
/// runs until Ctrl+C. Exit code 2 for bad arguments or a bad Config.json, with the reason.
/// </summary>
internal static class LocalServiceBusCommand
{
    private const string Usage = "usage: LocalServiceBus [--config Config.json] [--amqp-port 5672] [--http-port 5300] [--host 127.0.0.1]";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new LocalServiceBusOptions();
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
                switch (args[i])
                {
                    case "--config":
                        options.Config = EmulatorConfig.Load(value);
                        break;
                    case "--amqp-port":
                        options.AmqpPort = Port(args[i], value);
                        break;
                    case "--http-port":
                        options.HttpPort = Port(args[i], value);
                        break;
                    case "--host":
                        options.Host = value;
                        break;
                    default:
                        throw new ArgumentException($"unknown argument {args[i]}. {Usage}");
                }

                i++;
            }

            options.Validate();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IOException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

        await using var server = await LocalServiceBusServer.StartAsync(options, loggerFactory, stop.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }

    private static int Port(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new ArgumentException($"{name}: '{value}' is not a port; accepted 0 to 65535.");
}
