using EmbeddedKubernetes.Controllers.Hpa;
using EmbeddedKubernetes.Controllers.Metrics;
using EmbeddedKubernetes.Controllers.Pods;
using EmbeddedKubernetes.Controllers.Workloads;
using k8s;
using k8s.Models;
using Kubernetes.Controller.Autoscaling;
using Kubernetes.Controller.Events;
using Kubernetes.Controller.Informers;
using Kubernetes.Controller.Queues;
using Microsoft.Extensions.Logging;

namespace EmbeddedKubernetes.Controllers;

/// <summary>
/// Starts the built-in controllers against an API server, as kube-controller-manager plus a kubelet would:
/// Deployment, ReplicaSet, StatefulSet, Job, HorizontalPodAutoscaler and the embedded kubelet over an
/// <see cref="IPodRuntime"/>. Controllers are API clients only (list+watch, writes through the API).
/// </summary>
public sealed class ControllerManager : IAsyncDisposable
{
    private readonly IKubernetes _client;
    private readonly ControllerManagerOptions _options;
    private readonly bool _ownsRuntime;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private SharedInformers? _informers;

    public ControllerManager(IKubernetes client, ControllerManagerOptions? options = null)
    {
        _options = options ?? new ControllerManagerOptions();
        _options.Validate();
        _client = client;
        _ownsRuntime = _options.PodRuntime is null;
        PodRuntime = _options.PodRuntime ?? new StubPodRuntime(new StubPodOptions(), _options.TimeProvider);
        Metrics = new RuntimeMetricsProvider(PodRuntime, LookupPod, _options.TimeProvider);
    }

    public IPodRuntime PodRuntime { get; }

    /// <summary>metrics.k8s.io data for the API server (<see cref="MetricsApiEndpoints.MapResourceMetrics"/>).</summary>
    public IResourceMetricsProvider Metrics { get; }

    /// <summary>Starts informers and controllers; returns once the caches have synced.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var time = _options.TimeProvider;
        var factory = _options.LoggerFactory;
        var informers = new SharedInformers(_client, factory.CreateLogger("EmbeddedKubernetes.Informers"), time);
        _informers = informers;
        var token = _stopping.Token;

        var controllers = new List<QueueController>
        {
            new ReplicaSetController(_client, informers, new EventRecorder(_client, "replicaset-controller", time, factory.CreateLogger<EventRecorder>()),
                factory.CreateLogger<ReplicaSetController>(), time),
            new DeploymentController(_client, informers, new EventRecorder(_client, "deployment-controller", time, factory.CreateLogger<EventRecorder>()),
                factory.CreateLogger<DeploymentController>(), time),
            new StatefulSetController(_client, informers, new EventRecorder(_client, "statefulset-controller", time, factory.CreateLogger<EventRecorder>()),
                factory.CreateLogger<StatefulSetController>(), time),
            new JobController(_client, informers, new EventRecorder(_client, "job-controller", time, factory.CreateLogger<EventRecorder>()),
                factory.CreateLogger<JobController>(), time),
            new HpaController(_client, informers,
                new EventRecorder(_client, "horizontal-pod-autoscaler", time, factory.CreateLogger<EventRecorder>()),
                new HpaAutoscaler(_options.HpaTolerance, _options.HpaDownscaleStabilizationWindow, _options.HpaCpuInitializationPeriod,
                    _options.HpaInitialReadinessDelay, time),
                new ApiMetricsSource(_client), _options.HpaSyncPeriod, factory.CreateLogger<HpaController>(), time),
        };
        if (_options.RunKubelet)
        {
            controllers.Add(new KubeletController(_client, informers, PodRuntime, factory.CreateLogger<KubeletController>(), time));
        }

        foreach (var controller in controllers)
        {
            _loops.Add(Task.Run(() => controller.RunAsync(_options.Workers, token), CancellationToken.None));
        }

        await informers.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_informers is not null)
        {
            await _informers.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        if (_ownsRuntime)
        {
            await PodRuntime.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private V1Pod? LookupPod(string ns, string name) =>
        _informers is not null && _informers.Pods.TryGet($"{ns}/{name}", out var pod) ? pod : null;
}
