using System.Diagnostics;
using k8s.Models;
using Operator.Scalers.Aws;

namespace Operator.Scalers.Kafka;

/// <summary>
/// The experimental <c>apache-kafka</c> scaler: metadata, validation and metric specs as KEDA builds them; the lag
/// runtime is the kafka scaler's with apache-kafka's differences (<see cref="KafkaLagRules.ApacheKafkaQuirks"/>).
/// </summary>
internal sealed class ApacheKafkaScaler : IPushScaler, IMessageTraceSource
{
    private const string Name = "kafka";
    private readonly string _metricType;
    private readonly KafkaLagSource _source;

    private ApacheKafkaScaler(ScalerConfig config, ApacheKafkaMetadata metadata, AwsAuthorization? aws, string metricType, ScalerServices services)
    {
        Config = config;
        Metadata = metadata;
        AwsAuthorization = aws;
        _metricType = metricType;
        _source = new KafkaLagSource(KafkaConnection.From(metadata), KafkaLagRules.From(metadata), services);
    }

    public ScalerConfig Config { get; }

    public ApacheKafkaMetadata Metadata { get; }

    public AwsAuthorization? AwsAuthorization { get; }

    /// <summary><c>s&lt;i&gt;-kafka-&lt;topics joined by ","&gt;</c>, or <c>s&lt;i&gt;-kafka-&lt;group&gt;-topics</c>.</summary>
    public string MetricName => MetricNames.WithIndex(
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

        AwsAuthorization? aws = null;
        if (parsed.Value.Sasl == KafkaDefaults.SaslAwsMskIam)
        {
            var (authorization, awsError) = AwsAuthorization.Resolve(parsed.Value.AwsRegion, config);
            if (awsError is not null)
            {
                return ExternalScalerParse.Fail(Name, awsError, parsed.Infos);
            }

            aws = authorization;
        }

        return ScalerBuildResult.Success(new ApacheKafkaScaler(config, parsed.Value, aws, metricType, services), parsed.Infos);
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
