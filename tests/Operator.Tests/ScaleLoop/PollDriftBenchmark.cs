using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Operator.Tests.Controllers;
using Operator.Tests.Support;

namespace Operator.Tests.ScaleLoop;

/// <summary>
/// Poll drift (docs/benchmarks.md): N ScaledObjects at <c>pollingInterval: 2</c> on one in-process operator (the
/// embedded control plane over HTTP, cron triggers outside their window so nothing scales), observed for a while
/// through the loop's own <c>scaledobject.poll</c> spans; drift is how much later than 2 s after the previous poll each
/// poll of the same object started. Explicit: it measures, asserts nothing about time (<c>-- --explicit only</c>).
/// </summary>
public sealed class PollDriftBenchmark(ScalingOperatorFixture fixture) : IClassFixture<ScalingOperatorFixture>
{
    private const int IntervalSeconds = 2;
    private static readonly TimeSpan Observation = TimeSpan.FromSeconds(40);
    private static readonly string ResultsPath = Path.Combine(Path.GetTempPath(), "keda-dotnet-poll-drift.txt");

    [Fact(Explicit = true)]
    public async Task ManyScaledObjects_PollDriftPercentiles()
    {
        var report = new StringBuilder($"poll drift, pollingInterval {IntervalSeconds} s, {Observation.TotalSeconds} s observed per size\n");
        foreach (var count in new[] { 100, 1000 })
        {
            report.AppendLine(await MeasureAsync(count));
        }

        await File.WriteAllTextAsync(ResultsPath, report.ToString(), TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
    }

    private async Task<string> MeasureAsync(int count)
    {
        var ns = await fixture.NamespaceAsync();
        var starts = new ConcurrentDictionary<string, ConcurrentBag<DateTime>>(StringComparer.Ordinal);
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Keda.Operator",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.OperationName == "scaledobject.poll" && activity.GetTagItem("keda.scaledobject") is string key && key.StartsWith(ns + "/", StringComparison.Ordinal))
                {
                    starts.GetOrAdd(key, _ => []).Add(activity.StartTimeUtc);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = TestContext.Current.CancellationToken },
            async (i, _) => await fixture.ApplyAsync(ns, Objects(i)));
        await ControlPlaneFixture.EventuallyAsync(() => Task.FromResult(starts.Count), polled => polled == count, $"all {count} ScaledObjects to be polled");

        var from = TimeProvider.System.GetUtcNow().UtcDateTime;
        await Task.Delay(Observation, TestContext.Current.CancellationToken);
        var until = TimeProvider.System.GetUtcNow().UtcDateTime;
        var drifts = starts.Values
            .SelectMany(bag => Gaps(bag.Where(t => t >= from && t <= until).Order().ToList()))
            .Order()
            .ToList();
        var polls = starts.Values.Sum(bag => bag.Count(t => t >= from && t <= until));
        return string.Create(CultureInfo.InvariantCulture,
            $"{count} ScaledObjects: {polls / Observation.TotalSeconds:F0} polls/s (ideal {count / (double)IntervalSeconds:F0}); drift p50 {Percentiles.Of(drifts, 0.50):F0} ms, p99 {Percentiles.Of(drifts, 0.99):F0} ms, max {drifts.LastOrDefault():F0} ms over {drifts.Count} intervals");
    }

    private static IEnumerable<double> Gaps(List<DateTime> polls) =>
        polls.Zip(polls.Skip(1), (previous, next) => (next - previous).TotalMilliseconds - (IntervalSeconds * 1000));

    // A cron window that never opens now (one minute on January 1st): every poll is a full poll that decides "stay at 0".
    private static string Objects(int i) => ControlPlaneFixture.Deployment($"d{i}", 0) + "\n---\n" + ControlPlaneFixture.ScaledObject($"d{i}", """
        type: cron
        metadata: {timezone: Etc/UTC, start: "0 0 1 1 *", end: "1 0 1 1 *", desiredReplicas: "1"}
        """, $"pollingInterval: {IntervalSeconds}");
}
