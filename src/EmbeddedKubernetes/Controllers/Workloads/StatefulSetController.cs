using k8s;
using k8s.Models;
using Kubernetes.Controller.Events;
using Kubernetes.Controller.Informers;
using Microsoft.Extensions.Logging;

namespace EmbeddedKubernetes.Controllers.Workloads;

/// <summary>
/// StatefulSet → Pods named &lt;set&gt;-&lt;ordinal&gt;. OrderedReady (the default) creates ordinal n only when all lower
/// ordinals are Ready and removes the highest ordinal first, one at a time; Parallel does both at once.
/// </summary>
internal sealed class StatefulSetController(IKubernetes client, SharedInformers informers, EventRecorder events, ILogger logger, TimeProvider time)
    : WorkloadController<V1StatefulSet, V1Pod>("statefulset-controller", V1StatefulSet.KubeKind, informers.StatefulSets, informers.Pods, client, events,
        logger, time)
{
    protected override async Task ReconcileAsync(string key, V1StatefulSet set, List<V1Pod> owned, CancellationToken cancellationToken)
    {
        var ns = set.Metadata.NamespaceProperty;
        var name = set.Metadata.Name;
        var byName = owned.ToDictionary(p => p.Metadata.Name, StringComparer.Ordinal);
        var effective = Expectations.Effective(key, owned.Where(p => p.Metadata.DeletionTimestamp is null).Select(p => p.Metadata.Name),
            byName.Keys.ToHashSet(StringComparer.Ordinal));
        var replicas = set.Spec.Replicas ?? 1;
        var parallel = set.Spec.PodManagementPolicy == "Parallel";
        var revision = $"{name}-{TemplateHash.Compute(set.Spec.Template)}";

        for (var ordinal = 0; ordinal < replicas; ordinal++)
        {
            var podName = $"{name}-{ordinal}";
            if (effective.Contains(podName))
            {
                if (!parallel && !(byName.TryGetValue(podName, out var existing) && KubeObjects.IsReady(existing)))
                {
                    break;
                }

                continue;
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["statefulset.kubernetes.io/pod-name"] = podName,
                ["apps.kubernetes.io/pod-index"] = ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["controller-revision-hash"] = revision,
            };
            var pod = PodFactory.FromTemplate(set.Spec.Template, KubeObjects.OwnerReference(set), ns, podName, labels);
            pod.Spec.Hostname ??= podName;
            pod.Spec.Subdomain ??= set.Spec.ServiceName;
            await CreatePodAsync(key, set, pod, $"create Pod {podName} in StatefulSet {name} successful", cancellationToken).ConfigureAwait(false);
            if (!parallel)
            {
                break;
            }
        }

        var surplus = effective.Select(n => (Name: n, Ordinal: OrdinalOf(n, name))).Where(p => p.Ordinal >= replicas || p.Ordinal < 0)
            .OrderByDescending(p => p.Ordinal).ToList();
        foreach (var (podName, _) in parallel ? surplus : surplus.Take(1))
        {
            Expectations.ExpectDelete(key, podName);
            if (!await DeletePodAsync(ns, podName, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            await Events.RecordAsync(set, EventRecorder.Normal, "SuccessfulDelete", $"delete Pod {podName} in StatefulSet {name} successful",
                cancellationToken).ConfigureAwait(false);
        }

        var active = owned.Where(KubeObjects.IsActive).ToList();
        var ready = active.Count(KubeObjects.IsReady);
        var status = new V1StatefulSetStatus
        {
            ObservedGeneration = set.Metadata.Generation,
            Replicas = active.Count,
            ReadyReplicas = ready,
            AvailableReplicas = ready,
            CurrentReplicas = active.Count,
            UpdatedReplicas = active.Count,
            CurrentRevision = revision,
            UpdateRevision = revision,
        };
        var old = set.Status;
        var previous = old is null ? null : new V1StatefulSetStatus
        {
            ObservedGeneration = old.ObservedGeneration,
            Replicas = old.Replicas,
            ReadyReplicas = old.ReadyReplicas,
            AvailableReplicas = old.AvailableReplicas,
            CurrentReplicas = old.CurrentReplicas,
            UpdatedReplicas = old.UpdatedReplicas,
            CurrentRevision = old.CurrentRevision,
            UpdateRevision = old.UpdateRevision,
        };
        if (!KubeObjects.SameJson(status, previous))
        {
            await Client.AppsV1.PatchNamespacedStatefulSetStatusAsync(KubeObjects.StatusPatch(status), name, ns, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static int OrdinalOf(string podName, string setName) =>
        podName.StartsWith(setName + "-", StringComparison.Ordinal)
        && int.TryParse(podName.AsSpan(setName.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ordinal)
            ? ordinal
            : -1;
}
