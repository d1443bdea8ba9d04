using System.Diagnostics;
using System.Globalization;
using k8s;
using k8s.Models;

namespace EmbeddedKubernetes.Bench;

/// <summary>
/// <c>bench [--objects N] [--watches N] [--updates N]</c>: starts a cluster in-process, creates N ConfigMaps through
/// KubernetesClient, opens W watches, applies U updates and reports wall time, CPU time and memory for each phase.
/// A measuring tool, not a test: numbers go to docs/benchmarks.md with the command that produced them.
/// </summary>
internal static class Benchmark
{
    private const int Parallelism = 16;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--workloads"))
        {
            var workloads = Option(args, "--workloads", 10_000);
            var namespaces = Option(args, "--namespaces", 100);
            var step = Option(args, "--step", 1_000);
            var idle = Option(args, "--idle", 60);
            if (workloads < 1 || namespaces < 1 || step < 1 || idle < 0)
            {
                await Console.Error.WriteLineAsync("bench: --workloads, --namespaces and --step must be >= 1, --idle >= 0");
                return 2;
            }

            return await WorkloadBenchmark.RunAsync(workloads, namespaces, step, idle);
        }

        var objects = Option(args, "--objects", 10_000);
        var watches = Option(args, "--watches", 100);
        var updates = Option(args, "--updates", 1_000);
        if (objects < 1 || watches < 0 || updates < 0)
        {
            await Console.Error.WriteLineAsync("bench: --objects must be >= 1, --watches and --updates >= 0");
            return 2;
        }

        var process = Process.GetCurrentProcess();
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { WatchHistoryLimit = Math.Max(10_000, updates * 2) });
        using var client = cluster.CreateClient();
        var rows = new List<string>();
        rows.Add(await Phase("start (empty cluster)", process, () => Task.CompletedTask));

        rows.Add(await Phase($"create {objects} ConfigMaps ({Parallelism} concurrent clients)", process, () =>
            Parallel.ForEachAsync(Enumerable.Range(0, objects), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, ct) =>
                await client.CoreV1.CreateNamespacedConfigMapAsync(Map(i), "default", cancellationToken: ct))));

        rows.Add(await Phase($"list {objects} ConfigMaps (one request)", process, async () =>
        {
            var list = await client.CoreV1.ListNamespacedConfigMapAsync("default");
            if (list.Items.Count < objects)
            {
                throw new InvalidOperationException($"listed {list.Items.Count} of {objects}");
            }
        }));

        using var stop = new CancellationTokenSource();
        var received = new int[watches];
        var watchTasks = new List<Task>();
        var fromVersion = (await client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 1)).Metadata.ResourceVersion;
        rows.Add(await Phase($"open {watches} watches", process, () =>
        {
            for (var w = 0; w < watches; w++)
            {
                var slot = w;
                watchTasks.Add(Task.Run(async () =>
                {
                    try
                    {
                        await foreach (var _ in client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: fromVersion, cancellationToken: stop.Token))
                        {
                            Interlocked.Increment(ref received[slot]);
                        }
                    }
                    catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
                    {
                        // Closed at the end of the run.
                    }
                }));
            }

            return WaitUntil(() => cluster.Store.WatchCount >= watches);
        }));

        rows.Add(await Phase($"{updates} updates fanned out to {watches} watches", process, async () =>
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, updates), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, ct) =>
                await client.CoreV1.PatchNamespacedConfigMapAsync(
                    new V1Patch($"{{\"data\":{{\"n\":\"{i}\"}}}}", V1Patch.PatchType.MergePatch), $"bench-{i % objects}", "default", cancellationToken: ct));
            await WaitUntil(() => received.All(r => r >= updates));
        }));

        rows.Add(await Phase("idle with everything open (full GC)", process, () => Task.CompletedTask));
        await stop.CancelAsync();
        cluster.DropAllWatches();
        await Task.WhenAll(watchTasks);

        await Console.Out.WriteLineAsync($"objects={objects} watches={watches} updates={updates} cores={Environment.ProcessorCount} runtime={Environment.Version}");
        await Console.Out.WriteLineAsync("| phase | wall | CPU | managed heap after | working set after |");
        await Console.Out.WriteLineAsync("|---|---|---|---|---|");
        foreach (var row in rows)
        {
            await Console.Out.WriteLineAsync(row);
        }

        return 0;
    }

    private static async Task<string> Phase(string name, Process process, Func<Task> work)
    {
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await work();
        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        process.Refresh();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {clock.Elapsed.TotalMilliseconds:F0} ms | {cpu.TotalMilliseconds:F0} ms | {heap / 1048576.0:F1} MiB | {process.WorkingSet64 / 1048576.0:F1} MiB |");
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("bench: the phase did not complete within 5 minutes");
            }

            await Task.Delay(10);
        }
    }

    private static V1ConfigMap Map(int i) => new()
    {
        Metadata = new V1ObjectMeta { Name = $"bench-{i}", Labels = new Dictionary<string, string> { ["app"] = "bench", ["shard"] = (i % 10).ToString(CultureInfo.InvariantCulture) } },
        Data = new Dictionary<string, string> { ["payload"] = new string('x', 256) },
    };

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
