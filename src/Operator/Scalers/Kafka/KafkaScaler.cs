using k8s.Models;
using Operator.Scalers.Aws;

namespace Operator.Scalers.Kafka;

/// <summary>
/// The <c>kafka</c> scaler: metadata, validation and metric specs as KEDA builds them. Reading consumer lag arrives
/// with a later release; until then metric queries fail clearly instead of reporting invented values.
/// </summary>
internal sealed class KafkaScaler : IScaler
{
    private const string Name = "kafka";
    private readonly string _metricType;

    private KafkaScaler(ScalerConfig config, KafkaMetadata metadata, KafkaVersion version, AwsAuthorization? aws, string metricType)
    {
        Config = config;
        Metadata = metadata;
        Version = version;
        AwsAuthorization = aws;
        _metricType = metricType;
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

        return ScalerBuildResult.Success(new KafkaScaler(config, meta, version, aws, metricType), parsed.Infos);
    }

    public IReadOnlyList<V2MetricSpec> GetMetricSpecs() =>
        [MetricTargets.External(MetricName, MetricTargets.Target(_metricType, Metadata.LagThreshold))];

    public ValueTask<ScalerResult> GetMetricsAndActivityAsync(string metricName, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ScalerResult.Failure(ScalerMessages.RuntimeNotAvailable(Config.TriggerType)));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
