using k8s;
using k8s.Models;
using Kubernetes.Controller.Events;
using Kubernetes.Controller.Informers;
using Kubernetes.Controller.Queues;
using Microsoft.Extensions.Logging;

namespace EmbeddedKubernetes.Controllers.Workloads;

/// <summary>ReplicaSet → Pods: keeps spec.replicas active pods and reports replicas/ready/available in status.</summary>
internal sealed class ReplicaSetController : QueueController
{
    private readonly IKubernetes _client;
    private readonly SharedInformers _informers;
    private readonly EventRecorder _events;
    private readonly Expectations _expectations = new();

    public ReplicaSetController(IKubernetes client, SharedInformers informers, EventRecorder events, ILogger logger, TimeProvider time)
        : base("replicaset-controller", logger, time)
    {
        _client = client;
        _informers = informers;
        _events = events;
        informers.ReplicaSets.Changed += (_, rs) => Enqueue(KubeObjects.KeyOf(rs.Metadata));
        informers.Pods.Changed += (_, pod) =>
        {
            if (KubeObjects.ControllerOf(pod.Metadata) is { Kind: "ReplicaSet" } owner)
            {
                Enqueue($"{pod.Metadata.NamespaceProperty}/{owner.Name}");
            }
        };
    }

    protected override async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        if (!_informers.ReplicaSets.TryGet(key, out var rs) || rs.Metadata.DeletionTimestamp is not null)
        {
            _expectations.Forget(key);
            return;
        }

        var ns = rs.Metadata.NamespaceProperty;
        var owned = _informers.Pods.InNamespace(ns).Where(p => KubeObjects.IsOwnedBy(p.Metadata, rs.Metadata)).ToList();
        var active = owned.Where(KubeObjects.IsActive).ToList();
        var effective = _expectations.Effective(key, active.Select(p => p.Metadata.Name),
            owned.Select(p => p.Metadata.Name).ToHashSet(StringComparer.Ordinal));
        var desired = rs.Spec.Replicas ?? 1;
        var diff = desired - effective.Count;
        if (diff > 0)
        {
            for (var i = 0; i < diff; i++)
            {
                var name = $"{rs.Metadata.Name}-{KubeObjects.RandomSuffix()}";
                var pod = PodFactory.FromTemplate(rs.Spec.Template, KubeObjects.OwnerReference(rs), ns, name);
                _expectations.ExpectCreate(key, name);
                await _client.CoreV1.CreateNamespacedPodAsync(pod, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
                await _events.RecordAsync(rs, EventRecorder.Normal, "SuccessfulCreate", $"Created pod: {name}", cancellationToken).ConfigureAwait(false);
            }
        }
        else if (diff < 0)
        {
            // Like upstream's pod ranking: unready before ready, then the newest first.
            var victims = active.Where(p => effective.Contains(p.Metadata.Name))
                .OrderBy(p => KubeObjects.IsReady(p))
                .ThenByDescending(p => p.Metadata.CreationTimestamp ?? DateTime.MinValue)
                .Take(-diff);
            foreach (var pod in victims)
            {
                _expectations.ExpectDelete(key, pod.Metadata.Name);
                await DeletePodAsync(pod, cancellationToken).ConfigureAwait(false);
                await _events.RecordAsync(rs, EventRecorder.Normal, "SuccessfulDelete", $"Deleted pod: {pod.Metadata.Name}", cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        var ready = active.Count(KubeObjects.IsReady);
        var status = new V1ReplicaSetStatus
        {
            Replicas = active.Count,
            FullyLabeledReplicas = active.Count,
            ReadyReplicas = ready,
            AvailableReplicas = ready,
            ObservedGeneration = rs.Metadata.Generation,
        };
        var previous = new V1ReplicaSetStatus
        {
            Replicas = rs.Status?.Replicas ?? 0,
            FullyLabeledReplicas = rs.Status?.FullyLabeledReplicas,
            ReadyReplicas = rs.Status?.ReadyReplicas,
            AvailableReplicas = rs.Status?.AvailableReplicas,
            ObservedGeneration = rs.Status?.ObservedGeneration,
        };
        if (!KubeObjects.SameJson(status, previous))
        {
            await _client.AppsV1.PatchNamespacedReplicaSetStatusAsync(KubeObjects.StatusPatch(status), rs.Metadata.Name, ns,
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeletePodAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        try
        {
            await _client.CoreV1.DeleteNamespacedPodAsync(pod.Metadata.Name, pod.Metadata.NamespaceProperty, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
        catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Already gone.
        }
    }
}
