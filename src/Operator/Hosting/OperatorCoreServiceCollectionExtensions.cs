using k8s;
using Kubernetes.Controller.Events;
using Kubernetes.Controller.Informers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Operator.Controllers;
using Operator.Decisions;
using Operator.Leadership;
using Operator.Metrics;
using Operator.Resolution;
using Operator.ScaleLoop;
using Operator.Scalers;
using Operator.Scalers.Http;
using Operator.Scaling.Direct;
using Operator.Telemetry;

namespace Operator.Hosting;

/// <summary>
/// The operator's core in DI: informer caches, the ScaledObject controller, the scale-loop scheduler, the metrics
/// source for the adapter (<see cref="IScaledObjectMetricsSource"/>) and the decision log. Register an
/// <see cref="IKubernetes"/>, an <see cref="IDecisionLog"/> or an <see cref="ILeadershipGate"/> before or after
/// to replace the defaults.
/// </summary>
public static class OperatorCoreServiceCollectionExtensions
{
    public static IServiceCollection AddOperatorCore(this IServiceCollection services, Action<OperatorOptions>? configure = null)
    {
        var options = new OperatorOptions();
        configure?.Invoke(options);
        options.Validate();
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IKubernetes>(_ => new k8s.Kubernetes(KubernetesConfiguration.Load(options.KubeconfigPath, options.Context)));
        services.TryAddSingleton<IDecisionLog, DecisionLog>();
        services.TryAddSingleton<ILeadershipGate, AlwaysLeader>();
        services.AddSingleton(sp => new SharedInformers(sp.GetRequiredService<IKubernetes>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Operator.Informers"), sp.GetRequiredService<TimeProvider>(), options.WatchNamespace));
        services.AddSingleton(sp => new ResourceDiscovery(sp.GetRequiredService<IKubernetes>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new OperatorInformers(sp.GetRequiredService<SharedInformers>(), sp.GetRequiredService<ResourceDiscovery>()));
        services.AddSingleton(sp => new ScaleTargetClient(sp.GetRequiredService<IKubernetes>(), sp.GetRequiredService<ResourceDiscovery>()));
        services.AddSingleton(sp => new ScaledObjectWriter(sp.GetRequiredService<IKubernetes>(),
            new EventRecorder(sp.GetRequiredService<IKubernetes>(), OperatorDefaults.Component, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<EventRecorder>())));
        services.AddScalerHttpClients();
        services.AddSingleton(sp => new ScalerFactory(sp.GetRequiredService<OperatorInformers>(), options.ClusterObjectNamespace, new ScalerServices
        {
            TimeProvider = sp.GetRequiredService<TimeProvider>(),
            LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
            Http = sp.GetRequiredService<ScalerHttpClients>(),
            ServiceBusEmulatorAmqpPort = options.TraceLinks.ServiceBusEmulatorAmqpPort,
        }));
        services.AddSingleton<ScalerCache>();
        services.AddSingleton<MetricsCache>();
        services.AddSingleton<FallbackHealthLedger>();
        services.TryAddSingleton<OperatorMetrics>();
        services.AddSingleton<TriggerQueries>();
        services.AddSingleton<ResourceTotals>();
        services.AddSingleton(sp => new DirectAutoscaler(sp.GetRequiredService<TimeProvider>(), options));
        services.AddSingleton<DirectScaleExecutor>();
        services.AddSingleton(sp => new DecisionTraceLinks(options.TraceLinks, sp.GetRequiredService<ILogger<DecisionTraceLinks>>()));
        services.AddSingleton<ScaledObjectPoller>();
        services.AddSingleton(sp =>
        {
            var poller = sp.GetRequiredService<ScaledObjectPoller>();
            var scheduler = new LoopScheduler(sp.GetRequiredService<TimeProvider>(), options.Workers, poller.PollAsync);
            poller.PollNow = scheduler.PollNow;
            return scheduler;
        });
        services.AddSingleton<ScaledObjectController>();
        services.AddSingleton<IScaledObjectMetricsSource, ScaledObjectMetricsSource>();
        services.AddHostedService<OperatorCoreService>();
        return services;
    }
}
