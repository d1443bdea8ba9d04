using k8s;
using k8s.Models;
using Kubernetes.Controller.Events;
using Kubernetes.Controller.Informers;
using Microsoft.Extensions.Logging;

namespace EmbeddedKubernetes.Controllers.Workloads;

/// <summary>
/// Deployment → ReplicaSets: one ReplicaSet per pod-template-hash, the new one scaled to spec.replicas and old ones
/// scaled down as the new one becomes available (Recreate: at once); status and conditions as upstream reports them.
/// </summary>
internal sealed class DeploymentController(IKubernetes client, SharedInformers informers, EventRecorder events, ILogger logger, TimeProvider time)
    : WorkloadController<V1Deployment, V1ReplicaSet>("deployment-controller", V1Deployment.KubeKind, informers.Deployments, informers.ReplicaSets, client,
        events, logger, time)
{
    protected override async Task ReconcileAsync(string key, V1Deployment deployment, List<V1ReplicaSet> owned, CancellationToken cancellationToken)
    {
        var ns = deployment.Metadata.NamespaceProperty;
        var desired = deployment.Spec.Replicas ?? 1;
        var hash = TemplateHash.Compute(deployment.Spec.Template);
        var newRs = owned.FirstOrDefault(rs => rs.Metadata.Labels?.TryGetValue(TemplateHash.Label, out var h) == true && h == hash);
        var old = owned.Where(rs => rs != newRs).ToList();

        if (newRs is null)
        {
            newRs = await CreateReplicaSetAsync(deployment, hash, desired, cancellationToken).ConfigureAwait(false);
            if (newRs is null)
            {
                return;
            }
        }
        else if ((newRs.Spec.Replicas ?? 0) != desired)
        {
            await ScaleAsync(deployment, newRs, desired, cancellationToken).ConfigureAwait(false);
        }

        var newAvailable = newRs.Status?.AvailableReplicas ?? 0;
        var recreate = deployment.Spec.Strategy?.Type == "Recreate";
        var oldBudget = recreate ? 0 : Math.Max(0, desired - newAvailable);
        foreach (var rs in old.OrderByDescending(r => r.Metadata.CreationTimestamp ?? DateTime.MinValue))
        {
            var current = rs.Spec.Replicas ?? 0;
            var target = Math.Min(current, oldBudget);
            oldBudget -= target;
            if (target != current)
            {
                await ScaleAsync(deployment, rs, target, cancellationToken).ConfigureAwait(false);
            }
        }

        await UpdateStatusAsync(deployment, newRs, owned, desired, cancellationToken).ConfigureAwait(false);
    }

    private async Task<V1ReplicaSet?> CreateReplicaSetAsync(V1Deployment deployment, string hash, int replicas, CancellationToken cancellationToken)
    {
        var ns = deployment.Metadata.NamespaceProperty;
        var template = KubeObjects.Clone(deployment.Spec.Template);
        template.Metadata ??= new V1ObjectMeta();
        template.Metadata.Labels = new Dictionary<string, string>(template.Metadata.Labels ?? new Dictionary<string, string>()) { [TemplateHash.Label] = hash };
        var selector = KubeObjects.Clone(deployment.Spec.Selector);
        selector.MatchLabels = new Dictionary<string, string>(selector.MatchLabels ?? new Dictionary<string, string>()) { [TemplateHash.Label] = hash };
        var rs = new V1ReplicaSet
        {
            ApiVersion = "apps/v1",
            Kind = "ReplicaSet",
            Metadata = new V1ObjectMeta
            {
                Name = $"{deployment.Metadata.Name}-{hash}",
                NamespaceProperty = ns,
                Labels = template.Metadata.Labels,
                OwnerReferences = [KubeObjects.OwnerReference(deployment)],
            },
            Spec = new V1ReplicaSetSpec { Replicas = replicas, Selector = selector, Template = template, MinReadySeconds = deployment.Spec.MinReadySeconds },
        };
        try
        {
            var created = await Client.AppsV1.CreateNamespacedReplicaSetAsync(rs, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
            created.ApiVersion ??= "apps/v1";
            created.Kind ??= "ReplicaSet";
            await Events.RecordAsync(deployment, EventRecorder.Normal, "ScalingReplicaSet",
                $"Scaled up replica set {rs.Metadata.Name} from 0 to {replicas}", cancellationToken).ConfigureAwait(false);
            return created;
        }
        catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // Created by an earlier sync the informer has not shown yet; the next event brings it.
            return null;
        }
    }

    private async Task ScaleAsync(V1Deployment deployment, V1ReplicaSet rs, int replicas, CancellationToken cancellationToken)
    {
        var from = rs.Spec.Replicas ?? 0;
        await Client.AppsV1.PatchNamespacedReplicaSetAsync(KubeObjects.ReplicasPatch(replicas), rs.Metadata.Name, rs.Metadata.NamespaceProperty,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var direction = replicas > from ? "up" : "down";
        await Events.RecordAsync(deployment, EventRecorder.Normal, "ScalingReplicaSet",
            $"Scaled {direction} replica set {rs.Metadata.Name} from {from} to {replicas}", cancellationToken).ConfigureAwait(false);
    }

    private async Task UpdateStatusAsync(V1Deployment deployment, V1ReplicaSet newRs, List<V1ReplicaSet> owned, int desired,
        CancellationToken cancellationToken)
    {
        var all = owned.Contains(newRs) ? owned : [.. owned, newRs];
        var replicas = all.Sum(rs => rs.Status?.Replicas ?? 0);
        var ready = all.Sum(rs => rs.Status?.ReadyReplicas ?? 0);
        var available = all.Sum(rs => rs.Status?.AvailableReplicas ?? 0);
        var updated = newRs.Status?.Replicas ?? 0;
        var now = Time.GetUtcNow().UtcDateTime;
        var conditions = deployment.Status?.Conditions?.ToList() ?? [];
        var minAvailable = available >= desired;
        SetCondition(conditions, "Available", minAvailable, minAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
            minAvailable ? "Deployment has minimum availability." : "Deployment does not have minimum availability.", now);
        var complete = updated == desired && (newRs.Status?.AvailableReplicas ?? 0) >= desired && replicas == desired;
        SetCondition(conditions, "Progressing", true, complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
            complete ? $"ReplicaSet \"{newRs.Metadata.Name}\" has successfully progressed." : $"ReplicaSet \"{newRs.Metadata.Name}\" is progressing.", now);
        var status = new V1DeploymentStatus
        {
            ObservedGeneration = deployment.Metadata.Generation,
            Replicas = replicas,
            UpdatedReplicas = updated,
            ReadyReplicas = ready,
            AvailableReplicas = available,
            UnavailableReplicas = Math.Max(0, desired - available),
            Conditions = conditions,
        };
        var old = deployment.Status;
        var previous = old is null ? null : new V1DeploymentStatus
        {
            ObservedGeneration = old.ObservedGeneration,
            Replicas = old.Replicas,
            UpdatedReplicas = old.UpdatedReplicas,
            ReadyReplicas = old.ReadyReplicas,
            AvailableReplicas = old.AvailableReplicas,
            UnavailableReplicas = old.UnavailableReplicas,
            Conditions = old.Conditions,
        };
        if (!KubeObjects.SameJson(status, previous))
        {
            await Client.AppsV1.PatchNamespacedDeploymentStatusAsync(KubeObjects.StatusPatch(status), deployment.Metadata.Name,
                deployment.Metadata.NamespaceProperty, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static void SetCondition(List<V1DeploymentCondition> conditions, string type, bool value, string reason, string message, DateTime now)
    {
        var status = value ? "True" : "False";
        var existing = conditions.FindIndex(c => c.Type == type);
        if (existing >= 0 && conditions[existing].Status == status && conditions[existing].Reason == reason)
        {
            return;
        }

        var transition = existing >= 0 && conditions[existing].Status == status ? conditions[existing].LastTransitionTime : now;
        var condition = new V1DeploymentCondition
        {
            Type = type,
            Status = status,
            Reason = reason,
            Message = message,
            LastUpdateTime = now,
            LastTransitionTime = transition,
        };
        if (existing >= 0)
        {
            conditions[existing] = condition;
        }
        else
        {
            conditions.Add(condition);
        }
    }
}
