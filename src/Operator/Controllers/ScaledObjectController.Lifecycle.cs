using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Operator.Api;
using Operator.Scaling.Events;
using Operator.Scaling.Status;

namespace Operator.Controllers;

/// <summary>Pause, deletion (finalizer) and HPA ownership of the ScaledObject reconcile.</summary>
internal sealed partial class ScaledObjectController
{
    // paused / paused-replicas: stop the loop, delete the HPA, pin replicas when asked (KEDA's reconcile, pause branch).
    private async Task<string?> PauseAsync(string key, ScaledObject so, ScaledObjectStatus status, CancellationToken cancellationToken)
    {
        await StopLoopAsync(key).ConfigureAwait(false);
        if (!ScaledObjectConditions.IsTrue(ScaledObjectConditions.Find(status.Conditions, ConditionTypes.Paused)))
        {
            ScaledObjectConditions.SetTrue(status, ConditionTypes.Paused, ConditionReasons.ScaledObjectPaused, ConditionMessages.Paused);
            await _writer.EventAsync(so, ScaleEvent.Normal, EventReasons.ScaledObjectPaused, ConditionMessages.Paused, cancellationToken).ConfigureAwait(false);
        }

        await DeleteHpaAsync(so, so.GetHpaName(), cancellationToken).ConfigureAwait(false);
        if (!ScaledObjectAnnotations.TryGetPausedReplicas(so.Metadata.Annotations, out var replicas, out var error))
        {
            return $"failed to scale target to paused replica count: {error}";
        }

        if (replicas is int paused)
        {
            var (gvkr, parseError) = await _scaleTargets.ResolveAsync(so.Spec.ScaleTargetRef, cancellationToken).ConfigureAwait(false);
            if (gvkr is null)
            {
                return $"failed to scale target to paused replica count: {parseError}";
            }

            var scale = await _scaleTargets.GetAsync(gvkr, so.Metadata.NamespaceProperty, so.Spec.ScaleTargetRef.Name, cancellationToken)
                .ConfigureAwait(false);
            if (scale?.Spec?.Replicas != paused)
            {
                await _scaleTargets.SetReplicasAsync(gvkr, so.Metadata.NamespaceProperty, so.Spec.ScaleTargetRef.Name, paused, cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        status.PausedReplicaCount = replicas;
        ScaledObjectConditions.SetTrue(status, ConditionTypes.Ready, ConditionReasons.ScaledObjectReady, ConditionMessages.Paused);
        return null;
    }

    private async Task FinalizeAsync(string key, ScaledObject so, CancellationToken cancellationToken)
    {
        await StopLoopAsync(key).ConfigureAwait(false);
        if (so.Metadata.Finalizers?.Contains(ScaledObjectDefaults.Finalizer) != true)
        {
            return;
        }

        if (so.Spec.Advanced?.RestoreToOriginalReplicaCount == true && so.Status?.ScaleTargetGvkr is { } gvkr)
        {
            try
            {
                await _scaleTargets.SetReplicasAsync(gvkr, so.Metadata.NamespaceProperty, so.Spec.ScaleTargetRef.Name,
                    so.Status.OriginalReplicaCount ?? 0, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpOperationException ex)
            {
                // KEDA only logs a failed restore (a missing target included) and still removes the finalizer.
                ControllerLog.RestoreFailed(Logger, key, ex.Message);
            }
        }

        var remaining = new JsonArray([.. so.Metadata.Finalizers.Where(f => f != ScaledObjectDefaults.Finalizer).Select(f => JsonValue.Create(f))]);
        var patch = new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = remaining, ["resourceVersion"] = so.Metadata.ResourceVersion } };
        await _client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
            ScaledObject.KubeGroup, ScaledObject.KubeVersion, so.Metadata.NamespaceProperty, ScaledObject.KubePlural, so.Metadata.Name,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        await _writer.EventAsync(so, ScaleEvent.Warning, EventReasons.ScaledObjectDeleted, "ScaledObject was deleted", cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task EnsureHpaAsync(ScaledObject so, ScaledObjectStatus status, V2HorizontalPodAutoscaler hpa, CancellationToken cancellationToken)
    {
        var ns = so.Metadata.NamespaceProperty;
        if (!string.IsNullOrEmpty(status.HpaName) && status.HpaName != hpa.Metadata.Name)
        {
            await DeleteHpaAsync(so, status.HpaName, cancellationToken).ConfigureAwait(false);
        }

        if (!_informers.Autoscalers.TryGet($"{ns}/{hpa.Metadata.Name}", out var existing))
        {
            try
            {
                await _client.AutoscalingV2.CreateNamespacedHorizontalPodAutoscalerAsync(hpa, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                existing = await _client.AutoscalingV2.ReadNamespacedHorizontalPodAutoscalerAsync(hpa.Metadata.Name, ns, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        var owner = existing.Metadata.OwnerReferences?.FirstOrDefault(o => o.Controller == true);
        if (owner is not null && owner.Uid != so.Metadata.Uid
            && !ScaledObjectAnnotations.IsHpaOwnershipTransferRequested(so.Metadata.Annotations))
        {
            throw new InvalidOperationException($"the HPA {hpa.Metadata.Name} is owned by {owner.Kind} {owner.Name}");
        }

        if (SameJson(existing.Spec, hpa.Spec) && SameJson(existing.Metadata.Labels, hpa.Metadata.Labels)
            && SameJson(existing.Metadata.Annotations, hpa.Metadata.Annotations) && owner?.Uid == so.Metadata.Uid)
        {
            return;
        }

        hpa.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
        await _client.AutoscalingV2.ReplaceNamespacedHorizontalPodAutoscalerAsync(hpa, hpa.Metadata.Name, ns, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task DeleteOwnedHpasAsync(ScaledObject so, ScaledObjectStatus status, string name, CancellationToken cancellationToken)
    {
        await DeleteHpaAsync(so, name, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(status.HpaName) && status.HpaName != name)
        {
            await DeleteHpaAsync(so, status.HpaName, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeleteHpaAsync(ScaledObject so, string name, CancellationToken cancellationToken)
    {
        var ns = so.Metadata.NamespaceProperty;
        if (!_informers.Autoscalers.TryGet($"{ns}/{name}", out var hpa)
            || hpa.Metadata.OwnerReferences?.Any(o => o.Controller == true && o.Uid == so.Metadata.Uid) != true)
        {
            return;
        }

        try
        {
            await _client.AutoscalingV2.DeleteNamespacedHorizontalPodAutoscalerAsync(name, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException ex) when (IsNotFound(ex))
        {
        }
    }

    private static bool SameJson(object? a, object? b) =>
        a is null || b is null ? a is null && b is null : KubernetesJson.Serialize(a) == KubernetesJson.Serialize(b);
}
