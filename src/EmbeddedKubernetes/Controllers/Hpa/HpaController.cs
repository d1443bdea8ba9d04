using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Kubernetes.Controller.Autoscaling;
using Kubernetes.Controller.Events;
using Kubernetes.Controller.Informers;
using Kubernetes.Controller.Queues;
using Microsoft.Extensions.Logging;

namespace EmbeddedKubernetes.Controllers.Hpa;

/// <summary>
/// The HPA controller: every sync period, for each autoscaling/v2 HorizontalPodAutoscaler, reads the target's
/// /scale, decides with <see cref="HpaAutoscaler"/>, writes /scale when the count changes, records events and
/// writes status when it changed (upstream reconcileAutoscaler + updateStatusIfNeeded).
/// </summary>
internal sealed class HpaController : QueueController
{
    private readonly IKubernetes _client;
    private readonly SharedInformers _informers;
    private readonly EventRecorder _events;
    private readonly HpaAutoscaler _autoscaler;
    private readonly IHpaMetricsSource _metrics;
    private readonly ScaleTargets _targets;
    private readonly TimeSpan _syncPeriod;

    public HpaController(IKubernetes client, SharedInformers informers, EventRecorder events, HpaAutoscaler autoscaler,
        IHpaMetricsSource metrics, TimeSpan syncPeriod, ILogger logger, TimeProvider time)
        : base("horizontal-pod-autoscaler", logger, time)
    {
        _client = client;
        _informers = informers;
        _events = events;
        _autoscaler = autoscaler;
        _metrics = metrics;
        _targets = new ScaleTargets(client);
        _syncPeriod = syncPeriod;
        informers.Autoscalers.Changed += (type, hpa) =>
        {
            var key = KubeObjects.KeyOf(hpa.Metadata);
            if (type == WatchEventType.Deleted)
            {
                _autoscaler.Forget(key);
            }
            else if (type == WatchEventType.Added)
            {
                Enqueue(key);
            }
        };
    }

    protected override async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        if (!_informers.Autoscalers.TryGet(key, out var hpa))
        {
            _autoscaler.Forget(key);
            return;
        }

        try
        {
            await SyncAsync(hpa, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Every HPA is processed once per sync period, whatever happened this time.
            Queue.AddAfter(key, _syncPeriod);
        }
    }

    private async Task SyncAsync(V2HorizontalPodAutoscaler hpa, CancellationToken cancellationToken)
    {
        var ns = hpa.Metadata.NamespaceProperty;
        var target = hpa.Spec.ScaleTargetRef;
        var (group, version) = ScaleTargets.SplitApiVersion(target.ApiVersion ?? "");
        var plural = await _targets.PluralAsync(group, target.Kind, cancellationToken).ConfigureAwait(false);
        V1Scale? scale = null;
        string? scaleError = plural is null ? $"no resource is known for kind {target.Kind} in group \"{group}\"" : null;
        if (plural is not null)
        {
            try
            {
                scale = await _client.CustomObjects.GetNamespacedCustomObjectScaleAsync<V1Scale>(group, version, ns, plural, target.Name,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (HttpOperationException ex)
            {
                scaleError = $"{(int)ex.Response.StatusCode}: {ex.Response.Content}";
            }
        }

        if (scale is null)
        {
            await FailedGetScaleAsync(hpa, scaleError!, cancellationToken).ConfigureAwait(false);
            return;
        }

        var snapshot = new ScaleSnapshot(scale.Spec?.Replicas ?? 0, scale.Status?.Replicas ?? 0, scale.Status?.Selector);
        var decision = await _autoscaler.DecideAsync(hpa, snapshot, _metrics, cancellationToken).ConfigureAwait(false);
        if (decision.Rescale)
        {
            string? error = null;
            try
            {
                scale.Spec ??= new V1ScaleSpec();
                scale.Spec.Replicas = decision.DesiredReplicas;
                await _client.CustomObjects.ReplaceNamespacedCustomObjectScaleAsync<V1Scale>(scale, group, version, ns, plural!, target.Name,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (HttpOperationException ex)
            {
                error = $"{(int)ex.Response.StatusCode}: {ex.Response.Content}";
            }

            _autoscaler.CompleteRescale(hpa, decision, error);
            if (error is null)
            {
                ControllersLog.Rescaled(Logger, decision.Key, decision.CurrentReplicas, decision.DesiredReplicas, decision.RescaleReason);
            }
        }

        foreach (var ev in decision.Events)
        {
            await _events.RecordAsync(hpa, ev.Type, ev.Reason, ev.Message, cancellationToken).ConfigureAwait(false);
        }

        await UpdateStatusIfNeededAsync(hpa, _autoscaler.StatusFor(hpa, decision), cancellationToken).ConfigureAwait(false);
    }

    private async Task FailedGetScaleAsync(V2HorizontalPodAutoscaler hpa, string error, CancellationToken cancellationToken)
    {
        await _events.RecordAsync(hpa, EventRecorder.Warning, "FailedGetScale", error, cancellationToken).ConfigureAwait(false);
        var conditions = HpaConditions.Copy(hpa.Status?.Conditions);
        HpaConditions.Set(conditions, HpaConditions.AbleToScale, HpaConditions.False, "FailedGetScale",
            $"the HPA controller was unable to get the target's current scale: {error}", Time.GetUtcNow());
        var status = new V2HorizontalPodAutoscalerStatus
        {
            CurrentReplicas = hpa.Status?.CurrentReplicas,
            DesiredReplicas = hpa.Status?.DesiredReplicas ?? 0,
            CurrentMetrics = hpa.Status?.CurrentMetrics,
            LastScaleTime = hpa.Status?.LastScaleTime,
            Conditions = conditions,
            ObservedGeneration = hpa.Status?.ObservedGeneration,
        };
        await UpdateStatusIfNeededAsync(hpa, status, cancellationToken).ConfigureAwait(false);
    }

    private async Task UpdateStatusIfNeededAsync(V2HorizontalPodAutoscaler hpa, V2HorizontalPodAutoscalerStatus status, CancellationToken cancellationToken)
    {
        if (KubeObjects.SameJson(status, hpa.Status))
        {
            return;
        }

        // Merge patch replaces lists wholesale; currentMetrics must be cleared explicitly when there are none.
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(KubernetesJson.Serialize(status)) ?? [];
        var patch = new Dictionary<string, object?> { ["status"] = body };
        if (status.CurrentMetrics is null)
        {
            body.Remove("currentMetrics");
            ((Dictionary<string, object?>)patch)["status"] = new Dictionary<string, object?>(body.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)))
            {
                ["currentMetrics"] = null,
            };
        }

        await _client.AutoscalingV2.PatchNamespacedHorizontalPodAutoscalerStatusAsync(
            new V1Patch(JsonSerializer.Serialize(patch), V1Patch.PatchType.MergePatch), hpa.Metadata.Name, hpa.Metadata.NamespaceProperty,
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
