using System.Diagnostics;
using Azure.Messaging.ServiceBus.Administration;
using k8s.Models;

namespace Operator.Scalers.AzureServiceBus;

/// <summary>
/// The <c>azure-servicebus</c> scaler: metadata, authentication rules and metric specs as KEDA builds them; the
/// active message count through the management API on a pooled <c>ServiceBusAdministrationClient</c>; and push
/// activation from the same connection (a shared short-interval read of the runtime count while watched); the trace
/// context of the first waiting messages by peek, for the links of scale-up decisions.
/// </summary>
internal sealed class AzureServiceBusScaler : IPushScaler, IMessageTraceSource
{
    private const string AzureWorkload = "azure-workload";
    private const string Name = "azure service bus";
    private readonly string _metricType;
    private readonly ServiceBusAdminPool _pool;
    private readonly ServiceBusActivityWatch _watch;
    private readonly ScalerServices _services;
    private readonly Lock _leaseLock = new();
    private ClientLease<ServiceBusAdministrationClient>? _lease;

    private AzureServiceBusScaler(
        ScalerConfig config, AzureServiceBusMetadata metadata, string metricType, ServiceBusAdminPool pool, ServiceBusActivityWatch watch, ScalerServices services)
    {
        Config = config;
        Metadata = metadata;
        _metricType = metricType;
        _pool = pool;
        _watch = watch;
        _services = services ?? ScalerServices.Default;
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

    public static ScalerBuildResult Build(ScalerConfig config, ScalerServices services) =>
        Build(config, services, ServiceBusAdminPool.Shared, ServiceBusActivityWatch.Shared);

    internal static ScalerBuildResult Build(ScalerConfig config, ScalerServices services, ServiceBusAdminPool pool, ServiceBusActivityWatch watch)
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

        return ScalerBuildResult.Success(new AzureServiceBusScaler(config, meta, metricType, pool, watch, services), parsed.Infos);
    }

    public IReadOnlyList<V2MetricSpec> GetMetricSpecs() =>
        [MetricTargets.External(MetricName, MetricTargets.Target(_metricType, Metadata.TargetLength))];

    public async ValueTask<ScalerResult> GetMetricsAndActivityAsync(string metricName, CancellationToken cancellationToken)
    {
        var (lease, error) = Lease();
        if (lease?.Client is not { } client)
        {
            return ScalerResult.Failure(error!);
        }

        var (count, countError) = await ServiceBusMessageCounter.CountAsync(client, Metadata, Config.GlobalHttpTimeout, cancellationToken).ConfigureAwait(false);
        return countError is not null
            ? ScalerResult.Failure(countError)
            : ScalerResult.Success(new MetricValue(metricName, count), count > Metadata.ActivationTargetLength);
    }

    /// <summary>Signals when the entity's active count rises above <c>activationMessageCount</c>; one read loop per connection and entity.</summary>
    public IAsyncDisposable WatchForActivity(Action signal)
    {
        var (lease, _) = Lease();
        if (lease?.Client is not { } client)
        {
            return NoWatch.Instance;
        }

        var key = string.Join('|', lease.Key, Metadata.EntityType, Metadata.QueueName, Metadata.TopicName, Metadata.SubscriptionName, Metadata.UseRegex, Metadata.Operation);
        return _watch.Watch(key, async ct =>
        {
            var (count, error) = await ServiceBusMessageCounter.CountAsync(client, Metadata, Config.GlobalHttpTimeout, ct).ConfigureAwait(false);
            return error is null ? count : null;
        }, Metadata.ActivationTargetLength, signal);
    }

    /// <summary>The trace context of the first messages of the queue or subscription, peeked (never locked or received).</summary>
    public Task<IReadOnlyList<ActivityContext>> ReadWaitingTraceContextsAsync(int max, CancellationToken cancellationToken) =>
        ServiceBusTracePeek.PeekAsync(Metadata, Config.PodIdentity, _services.Http, _services.ServiceBusEmulatorAmqpPort, max, cancellationToken);

    public ValueTask DisposeAsync()
    {
        lock (_leaseLock)
        {
            _lease?.Dispose();
            _lease = null;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The pooled client, made on first use (building a scaler touches nothing).</summary>
    private (ClientLease<ServiceBusAdministrationClient>? Lease, string? Error) Lease()
    {
        lock (_leaseLock)
        {
            if (_lease is not null)
            {
                return (_lease, null);
            }

            var (lease, error) = _pool.Acquire(Metadata, Config.PodIdentity, _services.Http);
            _lease = lease;
            return (lease, error);
        }
    }

    private sealed class NoWatch : IAsyncDisposable
    {
        public static readonly NoWatch Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
