using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Operator.Scalers.Kafka;

/// <summary>
/// The runtime both Kafka scalers share: a pooled admin client (taken on first use, released on dispose), one
/// offset reading per poll, KEDA's lag rules with this scaler's <c>excludePersistentLag</c> memory, and the push
/// watch on end offsets; the trace context of the waiting messages at the last reading's committed offsets.
/// </summary>
internal sealed class KafkaLagSource : IAsyncDisposable
{
    private readonly KafkaConnection _connection;
    private readonly KafkaLagRules _rules;
    private readonly ScalerServices _services;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<TopicPartition, long> _previousOffsets = [];
    private ClientLease<IAdminClient>? _lease;
    private volatile KafkaOffsets? _lastOffsets;
    private bool _disposed;

    public KafkaLagSource(KafkaConnection connection, KafkaLagRules rules, ScalerServices services)
    {
        _connection = connection;
        _rules = rules;
        _services = services;
        _logger = services.LoggerFactory.CreateLogger<KafkaLagSource>();
    }

    public async ValueTask<ScalerResult> GetMetricsAndActivityAsync(string metricName, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _lease ??= KafkaAdminPool.Shared.Acquire(_connection, _services.LoggerFactory);
            if (_lease.Client is not { } admin)
            {
                return Fail(metricName, _lease.Error!);
            }

            var (offsets, readError) = await KafkaOffsetReader.ReadAsync(admin, _rules, _connection, cancellationToken).ConfigureAwait(false);
            if (readError is not null)
            {
                // A client whose requests time out may be stuck on a connection the broker dropped; the next poll
                // starts from a fresh client (shared again with every scaler on this connection).
                KafkaAdminPool.Shared.Retire(_lease);
                _lease.Dispose();
                _lease = null;
                return Fail(metricName, readError);
            }

            _lastOffsets = offsets;
            var (lag, lagError) = KafkaLagCalculator.Calculate(offsets!, _rules, _previousOffsets);
            if (lagError is not null)
            {
                return Fail(metricName, lagError);
            }

            KafkaLog.Lag(_logger, metricName, lag.TotalLag, lag.TotalLagWithPersistent, lag.Partitions);
            return ScalerResult.Success(new MetricValue(metricName, lag.TotalLag), lag.TotalLagWithPersistent > _rules.ActivationLagThreshold);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Watches the end offsets of this trigger's partitions (shared with every trigger on the same source).</summary>
    public IAsyncDisposable WatchForActivity(Action signal) =>
        KafkaEndOffsetWatch.Subscribe(_connection, _rules, _services, signal);

    /// <summary>The trace context of the first waiting message of up to <paramref name="max"/> lagging partitions of the last poll.</summary>
    public Task<IReadOnlyList<ActivityContext>> ReadWaitingTraceContextsAsync(int max, CancellationToken cancellationToken) =>
        _lastOffsets is { } offsets
            ? KafkaTraceReader.ReadAsync(_connection, KafkaTraceReader.WaitingStarts(offsets, _rules, max), cancellationToken)
            : Task.FromResult<IReadOnlyList<ActivityContext>>([]);

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            _lease?.Dispose();
            _lease = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private ScalerResult Fail(string metricName, string error)
    {
        KafkaLog.QueryFailed(_logger, metricName, error);
        return ScalerResult.Failure(error);
    }
}
