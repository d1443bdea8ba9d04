using System.Runtime.InteropServices;
using LocalKafka;

var (options, error) = LocalKafkaArguments.Parse(args);
if (options is null)
{
    if (error is not null)
    {
        await Console.Error.WriteLineAsync("LocalKafka: " + error);
    }

    await Console.Error.WriteLineAsync(LocalKafkaArguments.Usage);
    return error is null ? 0 : 2;
}

var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    stop.TrySetResult();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

LocalKafkaCluster cluster;
try
{
    cluster = LocalKafkaCluster.Start(options);
}
catch (InvalidOperationException e)
{
    await Console.Error.WriteLineAsync("LocalKafka: " + e.Message);
    return 1;
}

await using (cluster)
{
    foreach (var topic in options.Topics)
    {
        Console.WriteLine($"LocalKafka: topic {topic.Name} with {topic.Partitions} partition(s)");
    }

    // The AppHost and scripts wait for this line (the ports already accept connections when it is written).
    Console.WriteLine($"LocalKafka: ready, bootstrap servers {cluster.BootstrapServers}");
    await stop.Task;
    Console.WriteLine("LocalKafka: stopping");
}

return 0;
