using System.Diagnostics;
using System.Globalization;
using EmbeddedKubernetes.Controllers;
using k8s;
using k8s.Models;

namespace EmbeddedKubernetes.Bench;

/// <summary>
/// <c>bench --workloads N [--namespaces M] [--step S] [--idle SECONDS]</c>: a cluster with the built-in controllers
/// (stub pods) gets N one-replica Deployments across M namespaces in steps of S; after each step it waits until every
/// Deployment has its ReplicaSet and a Running pod, and reports the CPU per write of that step. Then memory after the
/// load and after an idle period, list latency (all pods, one namespace, pages of 500) and watch latency.
/// </summary>
internal static class WorkloadBenchmark
{
    private const int Parallelism = 16;

    public static async Task<int> RunAsync(int workloads, int namespaces, int step, int idleSeconds)
    {
        var process = Process.GetCurrentProcess();
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { WatchHistoryLimit = 10_000 }.AddBuiltInControllers());
        using var client = cluster.CreateClient();
        var out_ = Console.Out;
        await out_.WriteLineAsync($"workloads={workloads} namespaces={namespaces} step={step} cores={Environment.ProcessorCount} runtime={Environment.Version}");
        await Parallel.ForEachAsync(Enumerable.Range(0, namespaces), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (n, ct) =>
            await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Ns(n) } }, cancellationToken: ct));

        await out_.WriteLineAsync("| deployments | objects stored | writes in step | wall | CPU | CPU per write | managed heap |");
        await out_.WriteLineAsync("|---|---|---|---|---|---|---|");
        for (var done = 0; done < workloads; done += step)
        {
            var count = Math.Min(step, workloads - done);
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var rvBefore = cluster.Store.CurrentResourceVersion;
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(done, count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, ct) =>
                await client.AppsV1.CreateNamespacedDeploymentAsync(Deployment(i), Ns(i % namespaces), cancellationToken: ct));
            await WaitSettledAsync(cluster, done + count);
            clock.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var writes = cluster.Store.CurrentResourceVersion - rvBefore;
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            await out_.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {done + count} | {cluster.Store.Count()} | {writes} | {clock.ElapsedMilliseconds} ms | {cpu.TotalMilliseconds:F0} ms | {cpu.TotalMicroseconds / Math.Max(1, writes):F0} µs | {heap / 1048576.0:F1} MiB |"));
        }

        var loaded = Memory(process);
        process.Refresh();
        var idleCpuBefore = process.TotalProcessorTime;
        await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
        process.Refresh();
        var idleCpu = process.TotalProcessorTime - idleCpuBefore;
        var idle = Memory(process);
        await out_.WriteLineAsync();
        await out_.WriteLineAsync("| memory | managed heap | working set |");
        await out_.WriteLineAsync("|---|---|---|");
        await out_.WriteLineAsync($"| after the load | {loaded.Heap} | {loaded.WorkingSet} |");
        await out_.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| after {idleSeconds} s idle (controllers running, {idleCpu.TotalMilliseconds:F0} ms CPU meanwhile) | {idle.Heap} | {idle.WorkingSet} |"));

        await out_.WriteLineAsync();
        await out_.WriteLineAsync("| request | p50 | p90 | max |");
        await out_.WriteLineAsync("|---|---|---|---|");
        await out_.WriteLineAsync(await Latency($"list all {workloads} pods", 5, () => client.CoreV1.ListPodForAllNamespacesAsync()));
        await out_.WriteLineAsync(await Latency($"list the pods of one namespace ({workloads / namespaces})", 50,
            () => client.CoreV1.ListNamespacedPodAsync(Ns(7))));
        await out_.WriteLineAsync(await Latency($"list all pods in pages of 500", 5, async () =>
        {
            string? token = null;
            do
            {
                token = (await client.CoreV1.ListPodForAllNamespacesAsync(limit: 500, continueParameter: token)).Metadata.ContinueProperty;
            }
            while (token is not null);
        }));
        await out_.WriteLineAsync(await WatchLatency(client, namespaces, 100));
        await out_.WriteLineAsync();
        await out_.WriteLineAsync($"slow watchers closed during the run: {cluster.Store.SlowWatchersClosed}");
        return 0;
    }

    /// <summary>Every Deployment has a ReplicaSet and a Running pod and nothing has been written for a moment.</summary>
    private static async Task WaitSettledAsync(EmbeddedCluster cluster, int deployments)
    {
        var clock = Stopwatch.StartNew();
        var lastVersion = -1L;
        while (true)
        {
            var version = cluster.Store.CurrentResourceVersion;
            var running = cluster.Store.List("pods", null).Items.Count(p => p.Json.AsSpan().IndexOf("\"phase\":\"Running\""u8) >= 0);
            if (running >= deployments && cluster.Store.List("replicasets.apps", null).Items.Count >= deployments && version == lastVersion)
            {
                return;
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"bench: {running} of {deployments} pods running after 10 minutes");
            }

            lastVersion = version;
            await Task.Delay(500);
        }
    }

    private static async Task<string> Latency(string name, int samples, Func<Task> request)
    {
        var times = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var clock = Stopwatch.StartNew();
            await request();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return Row(name, times);
    }

    /// <summary>Time from a ConfigMap create being sent until a cluster-wide watch delivers it.</summary>
    private static async Task<string> WatchLatency(k8s.Kubernetes client, int namespaces, int samples)
    {
        using var stop = new CancellationTokenSource();
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        var from = (await client.CoreV1.ListConfigMapForAllNamespacesAsync(limit: 1)).Metadata.ResourceVersion;
        var watching = Task.Run(async () =>
        {
            try
            {
                await foreach (var (_, item) in client.CoreV1.WatchListConfigMapForAllNamespacesAsync(resourceVersion: from, cancellationToken: stop.Token))
                {
                    seen.TryAdd(item.Metadata.Name, Stopwatch.GetTimestamp());
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
            {
                // Closed at the end.
            }
        });
        var times = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var name = $"latency-{i}";
            var sent = Stopwatch.GetTimestamp();
            await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name } }, Ns(i % namespaces));
            while (!seen.ContainsKey(name))
            {
                await Task.Delay(1);
            }

            times.Add(Stopwatch.GetElapsedTime(sent, seen[name]).TotalMilliseconds);
        }

        await stop.CancelAsync();
        await watching;
        return Row($"watch: create → event on a cluster-wide ConfigMap watch ({samples} samples)", times);
    }

    private static string Row(string name, List<double> times)
    {
        times.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {times[times.Count / 2]:F1} ms | {times[Math.Min(times.Count - 1, times.Count * 9 / 10)]:F1} ms | {times[^1]:F1} ms |");
    }

    private static (string Heap, string WorkingSet) Memory(Process process)
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        process.Refresh();
        return (string.Create(CultureInfo.InvariantCulture, $"{heap / 1048576.0:F1} MiB"), string.Create(CultureInfo.InvariantCulture, $"{process.WorkingSet64 / 1048576.0:F1} MiB"));
    }

    private static string Ns(int n) => $"bench-{n:D3}";

    private static V1Deployment Deployment(int i) => new()
    {
        Metadata = new V1ObjectMeta { Name = $"app-{i}", Labels = new Dictionary<string, string> { ["app"] = $"app-{i}" } },
        Spec = new V1DeploymentSpec
        {
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = $"app-{i}" } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = $"app-{i}" } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = "registry.example/app:1" }] },
            },
        },
    };
}
