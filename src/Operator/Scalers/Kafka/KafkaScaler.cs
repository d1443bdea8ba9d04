using System.Diagnostics;
using k8s.Models;
using Operator.Scalers.Aws;

namespace Operator.Scalers.Kafka;

/// <summary>
/// The <c>kafka</c> scaler: metadata, validation and metric specs as KEDA builds them; consumer lag read through the
/// admin API with KEDA's rules; push activation on end offsets.
/// </summary>
internal sealed class KafkaScaler : IPushScaler, IMessageTraceSource
{
    private const string Name = "kafka";
    private readonly string _metricType;
    private readonly KafkaLagSource _source;

    private KafkaScaler(ScalerConfig config, KafkaMetadata metadata, KafkaVersion version, AwsAuthorization? aws, string metricType, ScalerServices services)
    {
        Config = config;
        Metadata = metadata;
        Version = version;
        AwsAuthorization = aws;
        _metricType = metricType;
        _source = new KafkaLagSource(KafkaConnection.From(metadata), KafkaLagRules.From(metadata), services);
    }

    public ScalerConfig Config { get; }

    public KafkaMetadata Metadata { get; }

    public KafkaVersion Version { get; }

    public AwsAuthorization? AwsAuthorization { get; }

    /// <summary><c>s&lt;i&gt;-kafka-&lt;topic&gt;</c>, or <c>s&lt;i&gt;-kafka-&lt;group&gt;-topics</c> without a topic.</summary>
    public string MetricName => MetricNames.WithIndex(
        Config.TriggerIndex,
        MetricNames.Normalize(Metadata.Topic.Length > 0 ? $"kafka-{Metadata.Topic}" : $"kafka-{Metadata.Group}-topics"));

    public static ScalerBuildResult Build(ScalerConfig config, ScalerServices services)
    {
        var (metricType, parsed, failure) = ExternalScalerParse.Parse<KafkaMetadata>(config, Name);
        if (failure is not null)
        {
            return failure;
        }

        var meta = parsed.Value;
        var version = KafkaDefaults.Version;
        if (meta.VersionText.Length > 0)
        {
            var (v, versionError) = KafkaVersion.Parse(meta.VersionText);
            if (versionError is not null)
            {
                return ExternalScalerParse.Fail(Name, $"error parsing kafka version: {versionError}", parsed.Infos);
            }

            version = v!;
        }

        AwsAuthorization? aws = null;
        if (meta.SaslType == KafkaDefaults.SaslOAuthBearer && meta.TokenProvider == KafkaDefaults.TokenProviderAwsMskIam)
        {
            var (authorization, awsError) = AwsAuthorization.Resolve(meta.AwsRegion, config);
            if (awsError is not null)
            {
                return ExternalScalerParse.Fail(Name, $"error getting AWS authorization: {awsError}", parsed.Infos);
            }

            aws = authorization;
        }

        return ScalerBuildResult.Success(new KafkaScaler(config, meta, version, aws, metricType, services), parsed.Infos);
    }

    public IReadOnlyList<V2MetricSpec> GetMetricSpecs() =>
        [MetricTargets.External(MetricName, MetricTargets.Target(_metricType, Metadata.LagThreshold))];

    /// <summary>KEDA's lag (after the partition cap) as the metric; active when the lag including persistent lag exceeds activationLagThreshold.</summary>
    public ValueTask<ScalerResult> GetMetricsAndActivityAsync(string metricName, CancellationToken cancellationToken) =>
        _source.GetMetricsAndActivityAsync(metricName, cancellationToken);

    public IAsyncDisposable WatchForActivity(Action signal) => _source.WatchForActivity(signal);

    public Task<IReadOnlyList<ActivityContext>> ReadWaitingTraceContextsAsync(int max, CancellationToken cancellationToken) =>
        _source.ReadWaitingTraceContextsAsync(max, cancellationToken);

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
