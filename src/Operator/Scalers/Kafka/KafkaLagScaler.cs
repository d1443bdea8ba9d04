using System.Diagnostics;
using k8s.Models;
using Operator.Scalers.Aws;

namespace Operator.Scalers.Kafka;

/// <summary>
/// What the <c>kafka</c> and <c>apache-kafka</c> scalers share: the trigger's config, parsed metadata and AWS
/// authorization, one external metric of the consumer group's lag with lagThreshold as its target, and the lag runtime
/// (<see cref="KafkaLagSource"/>) behind the metric, the push watch and the trace reading. Each scaler keeps what KEDA
/// keeps its own: its metadata type, its build rules and its metric name.
/// </summary>
internal abstract class KafkaLagScaler<TMetadata> : IPushScaler, IMessageTraceSource
{
    /// <summary>KEDA's word in both scalers' errors: apache-kafka too reports <c>error parsing kafka metadata</c>.</summary>
    protected const string Name = "kafka";

    private readonly string _metricType;
    private readonly long _lagThreshold;
    private readonly KafkaLagSource _source;

    protected KafkaLagScaler(ScalerConfig config, TMetadata metadata, KafkaConnection connection, KafkaLagRules rules, AwsAuthorization? aws,
        string metricType, ScalerServices services)
    {
        Config = config;
        Metadata = metadata;
        AwsAuthorization = aws;
        _metricType = metricType;
        _lagThreshold = rules.LagThreshold;
        _source = new KafkaLagSource(connection, rules, services);
    }

    public ScalerConfig Config { get; }

    public TMetadata Metadata { get; }

    public AwsAuthorization? AwsAuthorization { get; }

    public abstract string MetricName { get; }

    public IReadOnlyList<V2MetricSpec> GetMetricSpecs() =>
        [MetricTargets.External(MetricName, MetricTargets.Target(_metricType, _lagThreshold))];

    /// <summary>KEDA's lag (after the partition cap) as the metric; active when the lag including persistent lag exceeds activationLagThreshold.</summary>
    public ValueTask<ScalerResult> GetMetricsAndActivityAsync(string metricName, CancellationToken cancellationToken) =>
        _source.GetMetricsAndActivityAsync(metricName, cancellationToken);

    public IAsyncDisposable WatchForActivity(Action signal) => _source.WatchForActivity(signal);

    public Task<IReadOnlyList<ActivityContext>> ReadWaitingTraceContextsAsync(int max, CancellationToken cancellationToken) =>
        _source.ReadWaitingTraceContextsAsync(max, cancellationToken);

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
