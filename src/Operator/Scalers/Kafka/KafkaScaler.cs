using Operator.Scalers.Aws;

namespace Operator.Scalers.Kafka;

/// <summary>
/// The <c>kafka</c> scaler: metadata, validation and metric specs as KEDA builds them; consumer lag read through the
/// admin API with KEDA's rules; push activation on end offsets.
/// </summary>
internal sealed class KafkaScaler : KafkaLagScaler<KafkaMetadata>
{
    private KafkaScaler(ScalerConfig config, KafkaMetadata metadata, KafkaVersion version, AwsAuthorization? aws, string metricType, ScalerServices services)
        : base(config, metadata, KafkaConnection.From(metadata), KafkaLagRules.From(metadata), aws, metricType, services)
    {
        Version = version;
    }

    public KafkaVersion Version { get; }

    /// <summary><c>s&lt;i&gt;-kafka-&lt;topic&gt;</c>, or <c>s&lt;i&gt;-kafka-&lt;group&gt;-topics</c> without a topic.</summary>
    public override string MetricName => MetricNames.WithIndex(
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

        var awsMskIam = meta.SaslType == KafkaDefaults.SaslOAuthBearer && meta.TokenProvider == KafkaDefaults.TokenProviderAwsMskIam;
        var (aws, awsError) = awsMskIam ? AwsAuthorization.Resolve(meta.AwsRegion, config) : (null, null);
        if (awsError is not null)
        {
            return ExternalScalerParse.Fail(Name, $"error getting AWS authorization: {awsError}", parsed.Infos);
        }

        return ScalerBuildResult.Success(new KafkaScaler(config, meta, version, aws, metricType, services), parsed.Infos);
    }
}
