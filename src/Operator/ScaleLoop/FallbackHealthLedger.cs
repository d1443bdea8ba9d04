using System.Collections.Concurrent;
using Operator.Api;
using Operator.Scaling.Fallbacks;

namespace Operator.ScaleLoop;

/// <summary>
/// The operator's count of consecutive failures per ScaledObject metric (<c>status.health</c>), shared by the scale
/// loop and the metrics adapter, as KEDA shares one in-memory ScaledObject under its <c>ScaledObjectUpdateLock</c>.
/// It is the authority between status writes (the cached status can lag behind the last write); a ScaledObject seen
/// for the first time, or with a new generation, starts from its status, so a restarted operator continues its count.
/// </summary>
/// <remarks>
/// KEDA counts every query: each poll and each HPA request that fails adds one, so its count grows with the HPA's
/// sync period as well as with <c>pollingInterval</c>. Here a failure counts at most once per metric per polling
/// interval: each loop poll counts (as before), and an adapter request counts only when no failure of that metric was
/// counted in the last <c>pollingInterval</c>. A success resets the count, as in KEDA.
/// </remarks>
internal sealed class FallbackHealthLedger(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>A copy of the health to count from (seeded from the ScaledObject's status).</summary>
    public Dictionary<string, HealthStatus> Current(string key, ScaledObject so)
    {
        var entry = EntryFor(key, so);
        lock (entry.Gate)
        {
            return Copy(entry.Health);
        }
    }

    /// <summary>
    /// Records what a loop poll counted from <paramref name="before"/> (a <see cref="Current"/> copy): its health is
    /// now the count, and a metric whose failures went up was counted now.
    /// </summary>
    public void RecordPoll(string key, ScaledObject so, IReadOnlyDictionary<string, HealthStatus> before, IReadOnlyDictionary<string, HealthStatus>? after)
    {
        var entry = EntryFor(key, so);
        var now = time.GetUtcNow();
        lock (entry.Gate)
        {
            foreach (var (metric, health) in after ?? new Dictionary<string, HealthStatus>())
            {
                entry.Health[metric] = Clone(health);
                Stamp(entry, metric, health, (before.GetValueOrDefault(metric)?.NumberOfFailures ?? 0) < (health.NumberOfFailures ?? 0), now);
            }
        }
    }

    /// <summary>
    /// Counts one adapter request's result for <paramref name="metricName"/> with <paramref name="apply"/> (fallback
    /// from the health it is given; the bool says whether a failure counts) and returns what it returned, and the
    /// health after it when it changed the count (to be written to the status), else null.
    /// </summary>
    public (FallbackResult Result, Dictionary<string, HealthStatus>? Changed) RecordRequest(
        string key, ScaledObject so, string metricName, Func<IReadOnlyDictionary<string, HealthStatus>, bool, FallbackResult> apply)
    {
        var entry = EntryFor(key, so);
        var now = time.GetUtcNow();
        var interval = TimeSpan.FromSeconds(so.Spec.PollingInterval ?? ScaledObjectDefaults.PollingInterval);
        lock (entry.Gate)
        {
            var countFailure = !entry.CountedAt.TryGetValue(metricName, out var counted) || now - counted >= interval;
            var result = apply(entry.Health, countFailure);
            if (result.Health is not { } health || Same(entry.Health.GetValueOrDefault(metricName), health))
            {
                return (result, null);
            }

            entry.Health[metricName] = Clone(health);
            Stamp(entry, metricName, health, countFailure, now);
            return (result, Copy(entry.Health));
        }
    }

    public void Forget(string key) => _entries.TryRemove(key, out _);

    // A new ScaledObject (uid) or a newer generation starts again from its status; an older copy uses the entry.
    private Entry EntryFor(string key, ScaledObject so)
    {
        var uid = so.Metadata.Uid ?? "";
        var generation = so.Metadata.Generation ?? 0;
        while (true)
        {
            var entry = _entries.GetOrAdd(key, _ => new Entry(uid, generation, so.Status?.Health));
            if (entry.Uid == uid && entry.Generation >= generation)
            {
                return entry;
            }

            var fresh = new Entry(uid, generation, so.Status?.Health);
            if (_entries.TryUpdate(key, fresh, entry))
            {
                return fresh;
            }
        }
    }

    private static void Stamp(Entry entry, string metric, HealthStatus health, bool counted, DateTimeOffset now)
    {
        if (health.Status != HealthStatuses.Failing)
        {
            entry.CountedAt.Remove(metric);
        }
        else if (counted)
        {
            entry.CountedAt[metric] = now;
        }
    }

    private static bool Same(HealthStatus? a, HealthStatus b) => a is not null && a.Status == b.Status && a.NumberOfFailures == b.NumberOfFailures;

    private static HealthStatus Clone(HealthStatus health) => new() { NumberOfFailures = health.NumberOfFailures, Status = health.Status };

    private static Dictionary<string, HealthStatus> Copy(Dictionary<string, HealthStatus> health) =>
        health.ToDictionary(p => p.Key, p => Clone(p.Value), StringComparer.Ordinal);

    private sealed class Entry(string uid, long generation, IReadOnlyDictionary<string, HealthStatus>? status)
    {
        public string Uid { get; } = uid;

        public long Generation { get; } = generation;

        public Lock Gate { get; } = new();

        public Dictionary<string, HealthStatus> Health { get; } =
            status?.ToDictionary(p => p.Key, p => Clone(p.Value), StringComparer.Ordinal) ?? new(StringComparer.Ordinal);

        public Dictionary<string, DateTimeOffset> CountedAt { get; } = new(StringComparer.Ordinal);
    }
}
