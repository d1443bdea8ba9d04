using Operator.Scalers.Aws;

namespace Operator.Scalers.Kafka;

/// <summary>
/// The experimental <c>apache-kafka</c> scaler: metadata, validation and metric specs as KEDA builds them; the lag
/// runtime is the kafka scaler's with apache-kafka's differences (<see cref="KafkaLagRules.ApacheKafkaQuirks"/>).
/// </summary>
internal sealed class ApacheKafkaScaler : KafkaLagScaler<ApacheKafkaMetadata>
{
    private ApacheKafkaScaler(ScalerConfig config, ApacheKafkaMetadata metadata, AwsAuthorization? aws, string metricType, ScalerServices services)
        : base(config, metadata, KafkaConnection.From(metadata), KafkaLagRules.From(metadata), aws, metricType, services)
    {
    }

    /// <summary><c>s&lt;i&gt;-kafka-&lt;topics joined by ","&gt;</c>, or <c>s&lt;i&gt;-kafka-&lt;group&gt;-topics</c>.</summary>
    public override string MetricName => MetricNames.WithIndex(
        Config.TriggerIndex,
        MetricNames.Normalize(Metadata.Topic.Count > 0 ? $"kafka-{string.Join(',', Metadata.Topic)}" : $"kafka-{Metadata.Group}-topics"));

    public static ScalerBuildResult Build(ScalerConfig config, ScalerServices services)
    {
        var (metricType, parsed, failure) = ExternalScalerParse.Parse<ApacheKafkaMetadata>(config, Name);
        if (failure is not null)
        {
            return failure;
        }

        // Unlike the kafka scaler, apache-kafka refuses sasl/tls set in both the trigger and the authentication.
        foreach (var key in new[] { "sasl", "tls" })
        {
            if (config.TriggerMetadata.GetValueOrDefault(key, "").Length > 0 && config.AuthParams.GetValueOrDefault(key, "").Length > 0)
            {
                return ExternalScalerParse.Fail(Name, $"unable to set `{key}` in both ScaledObject and TriggerAuthentication together", parsed.Infos);
            }
        }

        var meta = parsed.Value;
        var (aws, awsError) = meta.Sasl == KafkaDefaults.SaslAwsMskIam ? AwsAuthorization.Resolve(meta.AwsRegion, config) : (null, null);
        if (awsError is not null)
        {
            return ExternalScalerParse.Fail(Name, awsError, parsed.Infos);
        }

        return ScalerBuildResult.Success(new ApacheKafkaScaler(config, meta, aws, metricType, services), parsed.Infos);
    }
}
