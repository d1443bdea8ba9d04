using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using k8s;
using k8s.Models;
using Kubernetes.Controller.Informers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kubernetes.Controller.Tests.Informers;

/// <summary>
/// Cost of reading an informer's cache per call (docs/benchmarks.md): 10,000 ConfigMaps in 100 namespaces, read as a
/// full copy (what <c>Items</c> did before: <c>_cache.Values.ToList()</c>), as the live <c>Items</c> enumeration
/// filtered by namespace, and through the namespace index. Explicit: it measures and asserts nothing about time.
/// </summary>
public sealed class InformerReadBenchmark
{
    private const int Objects = 10_000;
    private const int Namespaces = 100;
    private const int Calls = 2_000;
    private static readonly string ResultsPath = Path.Combine(Path.GetTempPath(), "keda-dotnet-informer-reads.txt");

    [Fact(Explicit = true)]
    public async Task TenThousandObjects_ReadPerCall_CopyVersusViewVersusNamespaceIndex()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var items = Enumerable.Range(0, Objects).Select(i => new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = $"cm-{i}", NamespaceProperty = $"ns-{i % Namespaces}", ResourceVersion = "1" },
        }).ToList();
        var informer = new ResourceInformer<V1ConfigMap>("configmaps",
            _ => Task.FromResult<(IList<V1ConfigMap>, string)>((items, "1")), (_, _, ct) => Idle(ct), NullLogger.Instance, TimeProvider.System);
        var run = informer.RunAsync(stop.Token);
        await informer.Synced;

        var report = new StringBuilder($"{Objects} objects in {Namespaces} namespaces, {Calls} calls each, one namespace read per call\n");
        for (var warmup = 0; warmup < 3; warmup++)
        {
            Measure("warm-up", () => informer.Items.ToList().Count + informer.Items.Count() + informer.InNamespace("ns-7").Count());
        }

        report.AppendLine(Measure("full copy, then filter (before)", () => informer.Items.ToList().Count(c => c.Metadata.NamespaceProperty == "ns-7")));
        report.AppendLine(Measure("Items view, filter (no copy)", () => informer.Items.Count(c => c.Metadata.NamespaceProperty == "ns-7")));
        report.AppendLine(Measure("InNamespace (namespace index)", () => informer.InNamespace("ns-7").Count()));
        await stop.CancelAsync();
        await run;

        await File.WriteAllTextAsync(ResultsPath, report.ToString(), TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
    }

    private static string Measure(string what, Func<int> read)
    {
        var found = read();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Calls; i++)
        {
            found = read();
        }

        watch.Stop();
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / Calls;
        process.Refresh();
        var cpuPerCall = (process.TotalProcessorTime - cpu).TotalMicroseconds / Calls;
        return string.Create(CultureInfo.InvariantCulture,
            $"{what}: {watch.Elapsed.TotalMicroseconds / Calls:F1} µs/call wall, {cpuPerCall:F1} µs/call CPU (process), {bytes:N0} bytes allocated/call, {found} objects found");
    }

    private static async IAsyncEnumerable<(WatchEventType, V1ConfigMap)> Idle([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        yield break;
    }
}
