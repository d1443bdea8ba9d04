using k8s;
using k8s.Models;
using Kubernetes.Controller.Events;
using Kubernetes.Controller.Informers;
using Kubernetes.Controller.Queues;
using Microsoft.Extensions.Logging;

namespace EmbeddedKubernetes.Controllers.Workloads;

/// <summary>
/// What the workload controllers share, as upstream's controllers are wired: a workload is reconciled when it changes
/// and when an object it controls (its pods, or a Deployment's ReplicaSets) changes. A workload that is gone or being
/// deleted only has its <see cref="Expectations"/> forgotten; any other is reconciled with the objects it controls as
/// the cache shows them.
/// </summary>
internal abstract class WorkloadController<TWorkload, TOwned> : QueueController
    where TWorkload : IKubernetesObject<V1ObjectMeta>
    where TOwned : IKubernetesObject<V1ObjectMeta>
{
    private readonly ResourceInformer<TWorkload> _workloads;
    private readonly ResourceInformer<TOwned> _owned;

    /// <param name="kind">The workload's kind, as the controller owner references of the objects it controls name it.</param>
    protected WorkloadController(string name, string kind, ResourceInformer<TWorkload> workloads, ResourceInformer<TOwned> owned,
        IKubernetes client, EventRecorder events, ILogger logger, TimeProvider time)
        : base(name, logger, time)
    {
        _workloads = workloads;
        _owned = owned;
        Client = client;
        Events = events;
        workloads.Changed += (_, workload) => Enqueue(KubeObjects.KeyOf(workload.Metadata));
        owned.Changed += (_, item) =>
        {
            if (KubeObjects.ControllerOf(item.Metadata) is { } owner && owner.Kind == kind)
            {
                Enqueue($"{item.Metadata.NamespaceProperty}/{owner.Name}");
            }
        };
    }

    protected IKubernetes Client { get; }

    protected EventRecorder Events { get; }

    /// <summary>
    /// Pods created or deleted that the cache does not show yet, by workload key (the Deployment controller needs none,
    /// as upstream's does not: its ReplicaSets' names are fixed by the template hash, so a create racing the cache meets 409).
    /// </summary>
    protected Expectations Expectations { get; } = new();

    protected sealed override Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        if (!_workloads.TryGet(key, out var workload) || workload.Metadata.DeletionTimestamp is not null)
        {
            Expectations.Forget(key);
            return Task.CompletedTask;
        }

        var owned = _owned.InNamespace(workload.Metadata.NamespaceProperty)
            .Where(item => KubeObjects.IsOwnedBy(item.Metadata, workload.Metadata)).ToList();
        return ReconcileAsync(key, workload, owned, cancellationToken);
    }

    /// <summary>Brings <paramref name="workload"/> (not being deleted) and the objects it controls, <paramref name="owned"/>, to its spec.</summary>
    protected abstract Task ReconcileAsync(string key, TWorkload workload, List<TOwned> owned, CancellationToken cancellationToken);

    /// <summary>Creates <paramref name="pod"/> for the workload, expected until the cache shows it, with a SuccessfulCreate event.</summary>
    protected async Task CreatePodAsync(string key, TWorkload workload, V1Pod pod, string message, CancellationToken cancellationToken)
    {
        Expectations.ExpectCreate(key, pod.Metadata.Name);
        await Client.CoreV1.CreateNamespacedPodAsync(pod, pod.Metadata.NamespaceProperty, cancellationToken: cancellationToken).ConfigureAwait(false);
        await Events.RecordAsync(workload, EventRecorder.Normal, "SuccessfulCreate", message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a pod of the workload; false when it was already gone.</summary>
    protected async Task<bool> DeletePodAsync(string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            await Client.CoreV1.DeleteNamespacedPodAsync(name, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
