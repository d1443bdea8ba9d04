using Azure.Messaging.ServiceBus;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderContracts;
using OrderGenerator.Sending;
using Spectre.Console;

namespace OrderGenerator;

/// <summary>
/// The generator's run: finds the broker (flags, then environment/configuration, then <c>.apphost/environment.env</c>),
/// wires the real client through the service defaults (so its spans reach the dashboard), and queues orders once
/// (<c>--count</c>) or asks how many, like the original sample. Exit code: 0 all queued, 1 some failed, 2 not configured.
/// </summary>
internal static class OrderGeneratorApp
{
    public const int Success = 0;
    public const int SomeFailed = 1;
    public const int NotConfigured = 2;

    public static async Task<int> RunAsync(
        GeneratorOptions options, IAnsiConsole console, TextReader input, string workingDirectory,
        Action<HostApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ApplicationName = "order-generator" });
        var environmentFile = EnvironmentFile.Find(workingDirectory);
        if (environmentFile is not null)
        {
            // Lowest precedence: explicit variables and configuration win over what the AppHost wrote.
            builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
            {
                InitialData = EnvironmentFile.Read(environmentFile),
            });
        }

        configure?.Invoke(builder);
        if (!TryChooseTransport(options, builder.Configuration, out var transport, out var problem))
        {
            console.MarkupLineInterpolated($"[red]order-generator: {problem}[/]");
            return NotConfigured;
        }

        builder.Logging.ClearProviders();
        builder.AddServiceDefaults(OrderTelemetry.GeneratorSourceName);
        var section = builder.Configuration.GetSection(GeneratorDefaults.SectionName);
        try
        {
            if (transport == OrderTransport.ServiceBus)
            {
                builder.AddAzureServiceBusClient(OrderDefaults.ServiceBusConnectionName, s => s.DisableHealthChecks = true);
            }
            else
            {
                builder.AddKafkaProducer<string, byte[]>(OrderDefaults.KafkaConnectionName, s =>
                {
                    s.DisableHealthChecks = true;
                    s.Config.LingerMs ??= 5;
                    s.Config.ClientId ??= "order-generator";
                });
            }
        }
        catch (InvalidOperationException e)
        {
            console.MarkupLineInterpolated($"[red]order-generator: {e.Message}[/]");
            return NotConfigured;
        }

        using var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var sender = CreateSender(host.Services, transport, section);
            var queuer = new OrderQueuer(sender, new OrderFaker(), console, host.Services.GetService<TimeProvider>() ?? TimeProvider.System);
            if (environmentFile is not null)
            {
                console.MarkupLineInterpolated($"[grey]Connection details from {environmentFile}[/]");
            }

            return options.Count is { } count
                ? Report(console, await queuer.QueueAsync(count, options.Rate, options.BatchSize, cancellationToken).ConfigureAwait(false))
                : await AskAsync(queuer, options, console, input, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    internal static bool TryChooseTransport(GeneratorOptions options, IConfiguration configuration, out OrderTransport transport, out string? problem)
    {
        problem = null;
        if (options.Transport is { } chosen)
        {
            transport = chosen;
            return true;
        }

        var key = $"{GeneratorDefaults.SectionName}:Transport";
        if (configuration[key] is { Length: > 0 } configured)
        {
            if (OrderDefaults.TryParseTransport(configured, out transport))
            {
                return true;
            }

            problem = $"{key} is '{configured}'; accepted values: servicebus, kafka.";
            return false;
        }

        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString(OrderDefaults.ServiceBusConnectionName)))
        {
            transport = OrderTransport.ServiceBus;
            return true;
        }

        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString(OrderDefaults.KafkaConnectionName)))
        {
            transport = OrderTransport.Kafka;
            return true;
        }

        transport = default;
        problem = $"no broker found: start the environment (dotnet run --project AppHost writes {EnvironmentFile.RelativePath}) " +
            $"or set ConnectionStrings__{OrderDefaults.ServiceBusConnectionName} / ConnectionStrings__{OrderDefaults.KafkaConnectionName}.";
        return false;
    }

    private static IOrderSender CreateSender(IServiceProvider services, OrderTransport transport, IConfigurationSection section) =>
        transport == OrderTransport.ServiceBus
            ? new ServiceBusOrderSender(services.GetRequiredService<ServiceBusClient>(), section["QueueName"] is { Length: > 0 } q ? q : OrderDefaults.QueueName)
            : new KafkaOrderSender(services.GetRequiredService<IProducer<string, byte[]>>(), section["Topic"] is { Length: > 0 } t ? t : OrderDefaults.TopicName);

    private static async Task<int> AskAsync(OrderQueuer queuer, GeneratorOptions options, IAnsiConsole console, TextReader input, CancellationToken cancellationToken)
    {
        var exit = Success;
        while (!cancellationToken.IsCancellationRequested)
        {
            console.WriteLine("Let's queue some orders, how many do you want?");
            var line = (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.Trim();
            if (string.IsNullOrEmpty(line) || line is "0" or "q" or "quit" or "exit")
            {
                break;
            }

            if (!int.TryParse(line, System.Globalization.CultureInfo.InvariantCulture, out var count) || count < 0)
            {
                console.WriteLine("That's not a valid amount, let's try that again");
                continue;
            }

            var summary = await queuer.QueueAsync(count, options.Rate, options.BatchSize, cancellationToken).ConfigureAwait(false);
            exit = Math.Max(exit, Report(console, summary));
        }

        console.WriteLine("That's it, see you later!");
        return exit;
    }

    private static int Report(IAnsiConsole console, GeneratorSummary summary)
    {
        console.MarkupLineInterpolated($"[{(summary.Failed == 0 ? "green" : "red")}]{summary.ToString()}[/]");
        if (summary.FirstError is not null)
        {
            console.MarkupLineInterpolated($"[red]First error: {summary.FirstError}[/]");
        }

        return summary.Failed == 0 && summary.Queued == summary.Requested ? Success : SomeFailed;
    }
}
