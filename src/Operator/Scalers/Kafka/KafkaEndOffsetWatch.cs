using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Operator.Scalers.Kafka;

/// <summary>
/// Push activation (beyond KEDA): one loop per (connection, group, topics) reads the end offsets of the watched
/// partitions every <see cref="KafkaDefaults.WatchInterval"/> with a single <c>ListOffsets</c> and signals every
/// subscriber when one moves forward, i.e. when lag may have appeared. A new subscriber is also signalled once on the
/// first reading after it subscribed: a message produced between the scale loop's last poll and that reading would
/// otherwise already be in the baseline and never count as a change. Failures only mean no signal.
/// </summary>
internal sealed class KafkaEndOffsetWatch : IDisposable
{
    private static readonly Dictionary<string, KafkaEndOffsetWatch> Watches = new(StringComparer.Ordinal);
    private static readonly Lock WatchesLock = new();

    private readonly string _key;
    private readonly KafkaConnection _connection;
    private readonly KafkaLagRules _rules;
    private readonly ScalerServices _services;
    private readonly ILogger _logger;
    private readonly string _topics;
    private readonly List<Action> _signals = [];
    private readonly List<Action> _unprimed = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    private KafkaEndOffsetWatch(string key, KafkaConnection connection, KafkaLagRules rules, ScalerServices services)
    {
        _key = key;
        _connection = connection;
        _rules = rules;
        _topics = rules.Topics.Count > 0 ? string.Join(',', rules.Topics) : $"(topics of group {rules.Group})";
        _services = services;
        _logger = services.LoggerFactory.CreateLogger<KafkaEndOffsetWatch>();
    }

    /// <summary>Running watch loops on <paramref name="bootstrapServers"/> (for tests and diagnostics).</summary>
    public static int CountFor(string bootstrapServers)
    {
        lock (WatchesLock)
        {
            return Watches.Values.Count(w => w._connection.BootstrapServers == bootstrapServers);
        }
    }

    public static IAsyncDisposable Subscribe(KafkaConnection connection, KafkaLagRules rules, ScalerServices services, Action signal)
    {
        var key = string.Join('\n', connection.PoolKey, rules.Group, string.Join(',', rules.Topics),
            rules.PartitionLimitation is null ? "*" : string.Join(',', rules.PartitionLimitation));
        lock (WatchesLock)
        {
            if (!Watches.TryGetValue(key, out var watch))
            {
                watch = new KafkaEndOffsetWatch(key, connection, rules, services);
                Watches.Add(key, watch);
                watch._loop = Task.Run(watch.RunAsync);
            }

            watch._signals.Add(signal);
            watch._unprimed.Add(signal);
            return new Subscription(watch, signal);
        }
    }

    private async Task RunAsync()
    {
        using var lease = KafkaAdminPool.Shared.Acquire(_connection, _services.LoggerFactory);
        if (lease.Client is not { } admin)
        {
            return;
        }

        var time = _services.TimeProvider;
        IReadOnlyList<TopicPartition>? partitions = null;
        var refreshAt = time.GetUtcNow();
        Dictionary<TopicPartition, long>? previous = null;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                if (partitions is null || time.GetUtcNow() >= refreshAt)
                {
                    var (found, _) = await KafkaOffsetReader.PartitionsAsync(admin, _rules, _stop.Token).ConfigureAwait(false);
                    partitions = found ?? partitions;
                    refreshAt = time.GetUtcNow() + KafkaDefaults.WatchPartitionRefresh;
                }

                if (partitions is { Count: > 0 })
                {
                    var latest = await KafkaOffsetReader.LatestAsync(admin, partitions).WaitAsync(_stop.Token).ConfigureAwait(false);
                    Signal(moved: previous is not null && latest.Any(p => p.Value > previous.GetValueOrDefault(p.Key, 0)));

                    previous = new Dictionary<TopicPartition, long>(latest);
                }
            }
            catch (KafkaException)
            {
                // An unreachable source simply does not signal; the scale loop's polls report the failure.
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await Task.Delay(KafkaDefaults.WatchInterval, time, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    // Everyone when an end offset moved, else only the subscribers that have not seen a reading yet.
    private void Signal(bool moved)
    {
        Action[] signals;
        lock (WatchesLock)
        {
            signals = moved ? [.. _signals] : [.. _unprimed];
            _unprimed.Clear();
        }

        if (signals.Length == 0)
        {
            return;
        }

        if (moved)
        {
            KafkaLog.WatchSignal(_logger, _topics);
        }

        foreach (var signal in signals)
        {
            signal();
        }
    }

    private async ValueTask UnsubscribeAsync(Action signal)
    {
        lock (WatchesLock)
        {
            _signals.Remove(signal);
            _unprimed.Remove(signal);
            if (_signals.Count > 0)
            {
                return;
            }

            Watches.Remove(_key);
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        Dispose();
    }

    public void Dispose() => _stop.Dispose();

    private sealed class Subscription(KafkaEndOffsetWatch watch, Action signal) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync() =>
            Interlocked.Exchange(ref _disposed, 1) == 0 ? watch.UnsubscribeAsync(signal) : ValueTask.CompletedTask;
    }
}
