using System.Globalization;
using System.Runtime.InteropServices;
using EmbeddedKubernetes.Controllers;

namespace EmbeddedKubernetes.Hosting;

/// <summary>
/// <c>EmbeddedKubernetes [--kubeconfig PATH] [--port N] [--pod-runtime stub|process]</c> serves until Ctrl+C;
/// <c>EmbeddedKubernetes bench [--objects N] [--watches N]</c> measures memory and CPU.
/// </summary>
internal static class CommandLine
{
    public const string Usage = "usage: EmbeddedKubernetes [--kubeconfig PATH] [--port N] [--pod-runtime stub|process]\n       EmbeddedKubernetes bench [--objects N] [--watches N]\n       EmbeddedKubernetes bench --workloads N [--namespaces M] [--step S] [--idle SECONDS]";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == "bench")
        {
            return await Bench.Benchmark.RunAsync(args[1..]);
        }

        var options = new EmbeddedClusterOptions { KubeconfigPath = Path.Combine(Environment.CurrentDirectory, "kubeconfig") };
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--kubeconfig" when value is not null:
                    options.KubeconfigPath = value;
                    i++;
                    break;
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port):
                    options.Port = port;
                    i++;
                    break;
                case "--pod-runtime" when value is "stub" or "process":
                    options.PodRuntime = value == "stub" ? PodRuntime.Stub : PodRuntime.Process;
                    i++;
                    break;
                case "-h" or "--help":
                    await Console.Out.WriteLineAsync(Usage);
                    return 0;
                default:
                    await Console.Error.WriteLineAsync($"unknown or incomplete argument '{args[i]}' (--pod-runtime accepts stub or process; --port 0-65535)\n{Usage}");
                    return 2;
            }
        }

        options.AddBuiltInControllers();
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        EmbeddedCluster cluster;
        try
        {
            cluster = await EmbeddedCluster.StartAsync(options, stop.Token);
        }
        catch (IOException ex)
        {
            await Console.Error.WriteLineAsync($"could not start: {ex.Message} (choose another --port, or 0 for any free port)");
            return 1;
        }

        await using var running = cluster;
        await Console.Out.WriteLineAsync($"Embedded Kubernetes API at {cluster.Url} (pod runtime: {options.PodRuntime.ToString().ToLowerInvariant()})");
        await Console.Out.WriteLineAsync($"kubeconfig: {cluster.KubeconfigPath}");
        await Console.Out.WriteLineAsync($"try: kubectl --kubeconfig {cluster.KubeconfigPath} get namespaces   (Ctrl+C to stop)");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            await Console.Out.WriteLineAsync("stopping");
        }

        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
