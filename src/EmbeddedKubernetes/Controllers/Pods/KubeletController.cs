using k8s;
using k8s.Models;
using Kubernetes.Controller.Informers;
using Kubernetes.Controller.Queues;
using Microsoft.Extensions.Logging;

namespace EmbeddedKubernetes.Controllers.Pods;

/// <summary>
/// The embedded kubelet: starts every new pod in the <see cref="IPodRuntime"/>, stops it when the pod is deleted
/// (finishing a graceful deletion with grace period 0), and writes the runtime state into pod status.
/// </summary>
internal sealed class KubeletController : QueueController
{
    private readonly IKubernetes _client;
    private readonly SharedInformers _informers;
    private readonly IPodRuntime _runtime;

    public KubeletController(IKubernetes client, SharedInformers informers, IPodRuntime runtime, ILogger logger, TimeProvider time)
        : base("kubelet", logger, time)
    {
        _client = client;
        _informers = informers;
        _runtime = runtime;
        informers.Pods.Changed += (type, pod) =>
        {
            var key = KubeObjects.KeyOf(pod.Metadata);
            if (type == WatchEventType.Deleted)
            {
                _ = _runtime.StopAsync(pod.Metadata.NamespaceProperty, pod.Metadata.Name);
                return;
            }

            Enqueue(key);
        };
        runtime.StateChanged += (ns, name) => Enqueue($"{ns}/{name}");
    }

    protected override async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var (ns, name) = KubeObjects.Split(key);
        if (!_informers.Pods.TryGet(key, out var pod))
        {
            await _runtime.StopAsync(ns, name).ConfigureAwait(false);
            return;
        }

        if (pod.Metadata.DeletionTimestamp is not null)
        {
            await _runtime.StopAsync(ns, name).ConfigureAwait(false);
            await FinishDeletionAsync(pod, cancellationToken).ConfigureAwait(false);
            return;
        }

        var state = _runtime.GetState(ns, name);
        if (state is null)
        {
            if (KubeObjects.IsTerminated(pod))
            {
                return;
            }

            await _runtime.StartAsync(pod, cancellationToken).ConfigureAwait(false);
            state = _runtime.GetState(ns, name);
            if (state is null)
            {
                return;
            }

            ControllersLog.PodState(Logger, key, state.Phase);
        }

        var status = PodStatusBuilder.Build(pod, state);
        if (!SameStatus(status, pod.Status))
        {
            await _client.CoreV1.PatchNamespacedPodStatusAsync(KubeObjects.StatusPatch(status), name, ns, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static bool SameStatus(V1PodStatus status, V1PodStatus? current) =>
        current is not null
        && status.Phase == current.Phase
        && KubeObjects.SameJson(status.Conditions, current.Conditions)
        && KubeObjects.SameJson(status.ContainerStatuses, current.ContainerStatuses);

    private async Task FinishDeletionAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        if (pod.Metadata.Finalizers is { Count: > 0 })
        {
            return;
        }

        try
        {
            await _client.CoreV1.DeleteNamespacedPodAsync(pod.Metadata.Name, pod.Metadata.NamespaceProperty, gracePeriodSeconds: 0,
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Already gone.
        }
    }
}
