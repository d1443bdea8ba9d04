using k8s;
using k8s.Models;
using Kubernetes.Controller.Events;
using Kubernetes.Controller.Informers;
using Microsoft.Extensions.Logging;

namespace EmbeddedKubernetes.Controllers.Workloads;

/// <summary>ReplicaSet → Pods: keeps spec.replicas active pods and reports replicas/ready/available in status.</summary>
internal sealed class ReplicaSetController(IKubernetes client, SharedInformers informers, EventRecorder events, ILogger logger, TimeProvider time)
    : WorkloadController<V1ReplicaSet, V1Pod>("replicaset-controller", V1ReplicaSet.KubeKind, informers.ReplicaSets, informers.Pods, client, events,
        logger, time)
{
    protected override async Task ReconcileAsync(string key, V1ReplicaSet rs, List<V1Pod> owned, CancellationToken cancellationToken)
    {
        var ns = rs.Metadata.NamespaceProperty;
        var active = owned.Where(KubeObjects.IsActive).ToList();
        var effective = Expectations.Effective(key, active.Select(p => p.Metadata.Name),
            owned.Select(p => p.Metadata.Name).ToHashSet(StringComparer.Ordinal));
        var desired = rs.Spec.Replicas ?? 1;
        var diff = desired - effective.Count;
        if (diff > 0)
        {
            for (var i = 0; i < diff; i++)
            {
                var name = $"{rs.Metadata.Name}-{KubeObjects.RandomSuffix()}";
                var pod = PodFactory.FromTemplate(rs.Spec.Template, KubeObjects.OwnerReference(rs), ns, name);
                await CreatePodAsync(key, rs, pod, $"Created pod: {name}", cancellationToken).ConfigureAwait(false);
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
                Expectations.ExpectDelete(key, pod.Metadata.Name);
                await DeletePodAsync(ns, pod.Metadata.Name, cancellationToken).ConfigureAwait(false);
                await Events.RecordAsync(rs, EventRecorder.Normal, "SuccessfulDelete", $"Deleted pod: {pod.Metadata.Name}", cancellationToken)
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
            await Client.AppsV1.PatchNamespacedReplicaSetStatusAsync(KubeObjects.StatusPatch(status), rs.Metadata.Name, ns,
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
