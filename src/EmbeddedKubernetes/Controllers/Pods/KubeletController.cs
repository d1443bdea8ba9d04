using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Kubernetes.Controller.Autoscaling;
using Kubernetes.Controller.Informers;
using Kubernetes.Controller.Queues;
using Microsoft.Extensions.Logging;

namespace EmbeddedKubernetes.Controllers.Pods;

/// <summary>
/// The embedded kubelet: starts every new pod in the <see cref="IPodRuntime"/> (resolving Secret/ConfigMap env first),
/// stops a pod being deleted gracefully (SIGTERM, <c>deletionGracePeriodSeconds</c>, SIGKILL) while it stays Terminating,
/// then finishes the deletion with grace period 0, and writes the runtime state into pod status.
/// </summary>
internal sealed class KubeletController : QueueController
{
    private static readonly TimeSpan ConfigRetry = TimeSpan.FromSeconds(2);

    private readonly IKubernetes _client;
    private readonly SharedInformers _informers;
    private readonly IPodRuntime _runtime;
    private readonly ConcurrentDictionary<string, Task> _stopping = new(StringComparer.Ordinal);

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
                // Removed without a graceful deletion (grace period 0, or the kubelet finished it): kill at once.
                _ = _runtime.StopAsync(pod.Metadata.NamespaceProperty, pod.Metadata.Name, TimeSpan.Zero);
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
            await _runtime.StopAsync(ns, name, TimeSpan.Zero).ConfigureAwait(false);
            return;
        }

        if (pod.Metadata.DeletionTimestamp is not null)
        {
            await TerminateAsync(key, pod, cancellationToken).ConfigureAwait(false);
            return;
        }

        var state = _runtime.GetState(ns, name);
        if (state is null)
        {
            if (KubeObjects.IsTerminated(pod))
            {
                return;
            }

            var (runnable, configError) = await ResolveEnvironmentAsync(pod, cancellationToken).ConfigureAwait(false);
            if (runnable is null)
            {
                ControllersLog.PodStartFailed(Logger, key, configError!);
                var now = Time.GetUtcNow();
                await WriteStatusAsync(pod, new PodRuntimeState(PodPhases.Pending, false, now, now, Reason: ContainerEnvironment.ConfigError, Message: configError),
                    cancellationToken).ConfigureAwait(false);
                Queue.AddAfter(key, ConfigRetry);
                return;
            }

            await _runtime.StartAsync(runnable, cancellationToken).ConfigureAwait(false);
            state = _runtime.GetState(ns, name);
            if (state is null)
            {
                return;
            }

            ControllersLog.PodState(Logger, key, state.Phase);
        }

        await WriteStatusAsync(pod, state, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteStatusAsync(V1Pod pod, PodRuntimeState state, CancellationToken cancellationToken)
    {
        var status = PodStatusBuilder.Build(pod, state);
        if (!SameStatus(status, pod.Status))
        {
            await _client.CoreV1.PatchNamespacedPodStatusAsync(KubeObjects.StatusPatch(status), pod.Metadata.Name, pod.Metadata.NamespaceProperty,
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Starts the graceful stop once (in the background, so other pods are not held up); finishes the deletion after it.</summary>
    private async Task TerminateAsync(string key, V1Pod pod, CancellationToken cancellationToken)
    {
        var (ns, name) = (pod.Metadata.NamespaceProperty, pod.Metadata.Name);
        if (_stopping.TryGetValue(key, out var stop))
        {
            if (!stop.IsCompleted)
            {
                return;
            }

            _stopping.TryRemove(key, out _);
        }
        else if (_runtime.GetState(ns, name) is not null)
        {
            var grace = TimeSpan.FromSeconds(Math.Max(0, pod.Metadata.DeletionGracePeriodSeconds ?? 0));
            _stopping[key] = Task.Run(async () =>
            {
                await _runtime.StopAsync(ns, name, grace).ConfigureAwait(false);
                Enqueue(key);
            }, CancellationToken.None);
            return;
        }

        await FinishDeletionAsync(pod, cancellationToken).ConfigureAwait(false);
    }

    private Task<(V1Pod? Pod, string? Error)> ResolveEnvironmentAsync(V1Pod pod, CancellationToken cancellationToken) =>
        ContainerEnvironment.NeedsResolving(pod)
            ? ContainerEnvironment.ResolveAsync(pod, ReadAsync, cancellationToken)
            : Task.FromResult<(V1Pod?, string?)>((pod, null));

    private async Task<IReadOnlyDictionary<string, string>?> ReadAsync(string kind, string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            return kind == "Secret"
                ? ContainerEnvironment.SecretData(await _client.CoreV1.ReadNamespacedSecretAsync(name, ns, cancellationToken: cancellationToken).ConfigureAwait(false))
                : ContainerEnvironment.ConfigMapData(await _client.CoreV1.ReadNamespacedConfigMapAsync(name, ns, cancellationToken: cancellationToken).ConfigureAwait(false));
        }
        catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static bool SameStatus(V1PodStatus status, V1PodStatus? current) =>
        current is not null
        && status.Phase == current.Phase
        && status.Message == current.Message
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
