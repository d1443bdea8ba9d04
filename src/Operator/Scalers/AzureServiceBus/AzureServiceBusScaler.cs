using k8s.Models;

namespace Operator.Scalers.AzureServiceBus;

/// <summary>
/// The <c>azure-servicebus</c> scaler: metadata, authentication rules and metric specs as KEDA builds them. Reading
/// message counts arrives with a later release; until then metric queries fail clearly.
/// </summary>
internal sealed class AzureServiceBusScaler : IScaler
{
    private const string AzureWorkload = "azure-workload";
    private const string Name = "azure service bus";
    private readonly string _metricType;

    private AzureServiceBusScaler(ScalerConfig config, AzureServiceBusMetadata metadata, string metricType)
    {
        Config = config;
        Metadata = metadata;
        _metricType = metricType;
    }

    public ScalerConfig Config { get; }

    public AzureServiceBusMetadata Metadata { get; }

    /// <summary><c>s&lt;i&gt;-azure-servicebus-&lt;queue|topic&gt;</c>, or <c>...-queue-regex</c>/<c>...-topic-regex</c>.</summary>
    public string MetricName
    {
        get
        {
            var isQueue = Metadata.EntityType == ServiceBusEntityType.Queue;
            var name = Metadata.UseRegex ? (isQueue ? "queue" : "topic") + "-regex" : isQueue ? Metadata.QueueName : Metadata.TopicName;
            return MetricNames.WithIndex(Config.TriggerIndex, MetricNames.Normalize($"azure-servicebus-{name}"));
        }
    }

    public static ScalerBuildResult Build(ScalerConfig config, ScalerServices services)
    {
        var (metricType, parsed, failure) = ExternalScalerParse.Parse<AzureServiceBusMetadata>(config, Name);
        if (failure is not null)
        {
            return failure;
        }

        var meta = parsed.Value;
        switch (config.PodIdentity.Provider)
        {
            case "" or "none":
                if (meta.Connection.Length == 0)
                {
                    return ExternalScalerParse.Fail(Name, "no connection setting given", parsed.Infos);
                }

                break;
            case AzureWorkload:
                if (meta.Namespace.Length == 0)
                {
                    return ExternalScalerParse.Fail(Name, "namespace are required when using pod identity", parsed.Infos);
                }

                var (suffix, cloudError) = AzureCloud.ServiceBusEndpointSuffix(config.TriggerMetadata);
                if (cloudError is not null)
                {
                    return ExternalScalerParse.Fail(Name, cloudError, parsed.Infos);
                }

                meta.FullyQualifiedNamespace = $"{meta.Namespace}.{suffix}";
                break;
            default:
                return ExternalScalerParse.Fail(Name, $"azure service bus doesn't support pod identity {config.PodIdentity.Provider}", parsed.Infos);
        }

        return ScalerBuildResult.Success(new AzureServiceBusScaler(config, meta, metricType), parsed.Infos);
    }

    public IReadOnlyList<V2MetricSpec> GetMetricSpecs() =>
        [MetricTargets.External(MetricName, MetricTargets.Target(_metricType, Metadata.TargetLength))];

    public ValueTask<ScalerResult> GetMetricsAndActivityAsync(string metricName, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ScalerResult.Failure(ScalerMessages.RuntimeNotAvailable(Config.TriggerType)));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
