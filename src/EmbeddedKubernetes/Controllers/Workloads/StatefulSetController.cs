using k8s;
using k8s.Models;
using Kubernetes.Controller.Events;
using Kubernetes.Controller.Informers;
using Kubernetes.Controller.Queues;
using Microsoft.Extensions.Logging;

namespace EmbeddedKubernetes.Controllers.Workloads;

/// <summary>
/// StatefulSet → Pods named &lt;set&gt;-&lt;ordinal&gt;. OrderedReady (the default) creates ordinal n only when all lower
/// ordinals are Ready and removes the highest ordinal first, one at a time; Parallel does both at once.
/// </summary>
internal sealed class StatefulSetController : QueueController
{
    private readonly IKubernetes _client;
    private readonly SharedInformers _informers;
    private readonly EventRecorder _events;
    private readonly Expectations _expectations = new();

    public StatefulSetController(IKubernetes client, SharedInformers informers, EventRecorder events, ILogger logger, TimeProvider time)
        : base("statefulset-controller", logger, time)
    {
        _client = client;
        _informers = informers;
        _events = events;
        informers.StatefulSets.Changed += (_, set) => Enqueue(KubeObjects.KeyOf(set.Metadata));
        informers.Pods.Changed += (_, pod) =>
        {
            if (KubeObjects.ControllerOf(pod.Metadata) is { Kind: "StatefulSet" } owner)
            {
                Enqueue($"{pod.Metadata.NamespaceProperty}/{owner.Name}");
            }
        };
    }

    protected override async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        if (!_informers.StatefulSets.TryGet(key, out var set) || set.Metadata.DeletionTimestamp is not null)
        {
            _expectations.Forget(key);
            return;
        }

        var ns = set.Metadata.NamespaceProperty;
        var name = set.Metadata.Name;
        var owned = _informers.Pods.InNamespace(ns).Where(p => KubeObjects.IsOwnedBy(p.Metadata, set.Metadata)).ToList();
        var byName = owned.ToDictionary(p => p.Metadata.Name, StringComparer.Ordinal);
        var effective = _expectations.Effective(key, owned.Where(p => p.Metadata.DeletionTimestamp is null).Select(p => p.Metadata.Name),
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
            _expectations.ExpectCreate(key, podName);
            await _client.CoreV1.CreateNamespacedPodAsync(pod, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
            await _events.RecordAsync(set, EventRecorder.Normal, "SuccessfulCreate", $"create Pod {podName} in StatefulSet {name} successful",
                cancellationToken).ConfigureAwait(false);
            if (!parallel)
            {
                break;
            }
        }

        var surplus = effective.Select(n => (Name: n, Ordinal: OrdinalOf(n, name))).Where(p => p.Ordinal >= replicas || p.Ordinal < 0)
            .OrderByDescending(p => p.Ordinal).ToList();
        foreach (var (podName, _) in parallel ? surplus : surplus.Take(1))
        {
            _expectations.ExpectDelete(key, podName);
            try
            {
                await _client.CoreV1.DeleteNamespacedPodAsync(podName, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                continue;
            }

            await _events.RecordAsync(set, EventRecorder.Normal, "SuccessfulDelete", $"delete Pod {podName} in StatefulSet {name} successful",
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
            await _client.AppsV1.PatchNamespacedStatefulSetStatusAsync(KubeObjects.StatusPatch(status), name, ns, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static int OrdinalOf(string podName, string setName) =>
        podName.StartsWith(setName + "-", StringComparison.Ordinal)
        && int.TryParse(podName.AsSpan(setName.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ordinal)
            ? ordinal
            : -1;
}
