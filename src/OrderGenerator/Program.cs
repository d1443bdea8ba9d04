using System.CommandLine;
using OrderContracts;
using OrderGenerator;
using Spectre.Console;

var count = new Option<int?>("--count", "-n") { Description = "How many orders to queue; without it the generator asks, like the original sample." };
var transport = new Option<string?>("--transport", "-t") { Description = "servicebus or kafka (default: whichever broker the environment has, Service Bus first)." };
var rate = new Option<double?>("--rate", "-r") { Description = "Orders per second (default: as fast as the broker takes them)." };
var batchSize = new Option<int>("--batch-size") { Description = "Orders sent together.", DefaultValueFactory = _ => GeneratorDefaults.BatchSize };
count.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 0) { r.AddError("--count must be 0 or more."); } });
rate.Validators.Add(r => { if (r.GetValueOrDefault<double?>() is { } v && !(v > 0)) { r.AddError("--rate must be more than 0 orders per second."); } });
batchSize.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--batch-size must be 1 or more."); } });
transport.Validators.Add(r =>
{
    if (r.GetValueOrDefault<string?>() is { } value && !OrderDefaults.TryParseTransport(value, out _))
    {
        r.AddError($"--transport is '{value}'; accepted values: servicebus, kafka.");
    }
});

var root = new RootCommand("Queues orders for the KEDA .NET sample on Service Bus (queue 'orders') or Kafka (topic 'orders').")
{
    count,
    transport,
    rate,
    batchSize,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var options = new GeneratorOptions
    {
        Count = parse.GetValue(count),
        Transport = OrderDefaults.TryParseTransport(parse.GetValue(transport), out var chosen) ? chosen : null,
        Rate = parse.GetValue(rate),
        BatchSize = parse.GetValue(batchSize),
    };
    return await OrderGeneratorApp.RunAsync(options, AnsiConsole.Console, Console.In, Environment.CurrentDirectory, null, cancellationToken);
});
return await root.Parse(args).InvokeAsync();
