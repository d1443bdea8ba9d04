using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Kubernetes.Controller;
using Kubernetes.Controller.Queues;
using Microsoft.Extensions.Logging;
using Operator.Api;
using Operator.Decisions;
using Operator.Hosting;
using Operator.Resolution;
using Operator.ScaleLoop;
using Operator.Scaling.Events;
using Operator.Scaling.Hpa;
using Operator.Scaling.Status;
using Operator.Telemetry;
using Operator.Validation;

namespace Operator.Controllers;

/// <summary>
/// KEDA's ScaledObject reconcile: finalizer and name label, scale target resolution through <c>/scale</c>, the
/// original replica count, validation, the HPA, status fields and conditions with KEDA's reasons, Events, and the
/// scale loop started or restarted per generation. A broken ScaledObject gets its condition and event; it never
/// stops the others.
/// </summary>
internal sealed partial class ScaledObjectController : QueueController
{
    private readonly IKubernetes _client;
    private readonly OperatorInformers _informers;
    private readonly ScaleTargetClient _scaleTargets;
    private readonly ResourceDiscovery _discovery;
    private readonly ScalerCache _scalers;
    private readonly ScaledObjectWriter _writer;
    private readonly LoopScheduler _loops;
    private readonly ScaledObjectPoller _poller;
    private readonly IDecisionLog _decisions;
    private readonly OperatorMetrics _telemetry;
    private readonly OperatorOptions _options;
    private readonly Dictionary<string, long> _loopGenerations = new(StringComparer.Ordinal);
    private readonly HashSet<string> _loopsAwaitingTarget = new(StringComparer.Ordinal);

    public ScaledObjectController(
        IKubernetes client, OperatorInformers informers, ScaleTargetClient scaleTargets, ResourceDiscovery discovery, ScalerCache scalers,
        ScaledObjectWriter writer,
        LoopScheduler loops, ScaledObjectPoller poller, IDecisionLog decisions, OperatorMetrics telemetry, OperatorOptions options,
        ILogger<ScaledObjectController> logger, TimeProvider time)
        : base("scaledobject-controller", logger, time, new RateLimiterOptions())
    {
        _client = client;
        _informers = informers;
        _scaleTargets = scaleTargets;
        _discovery = discovery;
        _scalers = scalers;
        _writer = writer;
        _loops = loops;
        _poller = poller;
        _decisions = decisions;
        _telemetry = telemetry;
        _options = options;
        informers.ScaledObjects.SpecChanged += (_, so) => Enqueue(ObjectKey.Of(so.Metadata));
        informers.ScaledObjects.Changed += (_, so) => PollWhenTargetKnown(ObjectKey.Of(so.Metadata), so);

        // The loop pins paused-replicas and records it in status; then the reconcile stops the loop and deletes the HPA.
        informers.ScaledObjects.Changed += (type, so) =>
        {
            if (type != k8s.WatchEventType.Deleted && ScaledObjectAnnotations.NeedToBePausedByAnnotation(so) && loops.Contains(ObjectKey.Of(so.Metadata)))
            {
                Enqueue(ObjectKey.Of(so.Metadata));
            }
        };
        informers.Autoscalers.SpecChanged += (_, hpa) =>
        {
            if (hpa.Metadata.OwnerReferences?.FirstOrDefault(o => o.Controller == true && o.Kind == ScaledObject.KubeKind) is { } owner)
            {
                Enqueue(ObjectKey.Of(hpa.Metadata.NamespaceProperty, owner.Name));
            }
        };
        informers.Secrets.SpecChanged += (_, secret) => RequeueNamespace(secret.Metadata.NamespaceProperty);
        informers.ConfigMaps.SpecChanged += (_, configMap) => RequeueNamespace(configMap.Metadata.NamespaceProperty);
        informers.TriggerAuthentications.SpecChanged += (_, auth) => RequeueNamespace(auth.Metadata.NamespaceProperty);

        // KEDA's cpu/memory check falls back to the namespace's LimitRange defaults: a change re-validates its ScaledObjects.
        informers.LimitRanges.SpecChanged += (_, limits) => RequeueNamespace(limits.Metadata.NamespaceProperty);
    }

    protected override async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        if (!_informers.ScaledObjects.TryGet(key, out var so))
        {
            await StopLoopAsync(key).ConfigureAwait(false);
            var (ns, name) = ObjectKey.Split(key);
            _decisions.Forget(ns ?? "", name);
            _telemetry.DeleteScaledObject(ns ?? "", name);
            return;
        }

        if (so.Metadata.DeletionTimestamp is not null)
        {
            await FinalizeAsync(key, so, cancellationToken).ConfigureAwait(false);
            return;
        }

        so = await EnsureFinalizerAndLabelAsync(so, cancellationToken).ConfigureAwait(false);
        var status = ScaledObjectStatusCopy.Of(so.Status);
        ScaledObjectConditions.EnsureInitialized(status);
        var wasReady = ScaledObjectConditions.IsTrue(ScaledObjectConditions.Find(status.Conditions, ConditionTypes.Ready));
        var error = await ReconcileScaledObjectAsync(key, so, status, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            ScaledObjectConditions.SetFalse(status, ConditionTypes.Ready, ConditionReasons.ScaledObjectCheckFailed, error);
            ScaledObjectConditions.SetUnknown(status, ConditionTypes.Active, ConditionReasons.UnknownState, ConditionMessages.UnknownState);
            await _writer.WriteStatusAsync(so, status, cancellationToken).ConfigureAwait(false);
            await _writer.EventAsync(so, ScaleEvent.Warning, EventReasons.ScaledObjectCheckFailed, error, cancellationToken).ConfigureAwait(false);
            ControllerLog.CheckFailed(Logger, key, error);

            // KEDA's reconcile returns the check's error, so controller-runtime retries it with backoff: a target or CRD
            // that appears later, with nothing this operator watches changing, is still found.
            RetryWithBackoff(key);
            return;
        }

        if (so.Spec.Fallback is null)
        {
            ScaledObjectConditions.SetFalse(status, ConditionTypes.Fallback, ConditionReasons.NoFallbackFound, ConditionMessages.NoFallbackFound);
        }

        await _writer.WriteStatusAsync(so, status, cancellationToken).ConfigureAwait(false);
        if (!wasReady && ScaledObjectConditions.IsTrue(ScaledObjectConditions.Find(status.Conditions, ConditionTypes.Ready)))
        {
            await _writer.EventAsync(so, ScaleEvent.Normal, EventReasons.ScaledObjectReady, "ScaledObject is ready for scaling", cancellationToken)
                .ConfigureAwait(false);
        }
    }

    // Returns KEDA's Ready=False message, or null when the ScaledObject is ready (or paused).
    private async Task<string?> ReconcileScaledObjectAsync(string key, ScaledObject so, ScaledObjectStatus status, CancellationToken cancellationToken)
    {
        var annotations = so.Metadata.Annotations;
        var paused = ScaledObjectAnnotations.NeedToBePausedByAnnotation(so);
        _telemetry.RecordScaledObjectPaused(so.Metadata.NamespaceProperty, so.Metadata.Name, paused);
        if (paused)
        {
            return await PauseAsync(key, so, status, cancellationToken).ConfigureAwait(false);
        }

        var pausedCondition = ScaledObjectConditions.Find(status.Conditions, ConditionTypes.Paused);
        if (ScaledObjectAnnotations.IsScaleInPaused(annotations) || ScaledObjectAnnotations.IsScaleOutPaused(annotations))
        {
            if (!ScaledObjectConditions.IsTrue(pausedCondition))
            {
                ScaledObjectConditions.SetTrue(status, ConditionTypes.Paused, ConditionReasons.ScaledObjectPaused, ConditionMessages.Paused);
                await _writer.EventAsync(so, ScaleEvent.Normal, EventReasons.ScaledObjectPaused, ConditionMessages.Paused, cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        else if (ScaledObjectConditions.IsTrue(pausedCondition))
        {
            ScaledObjectConditions.SetFalse(status, ConditionTypes.Paused, ConditionReasons.ScaledObjectUnpaused, ConditionMessages.Unpaused);
            status.PausedReplicaCount = null;
            await _writer.EventAsync(so, ScaleEvent.Normal, EventReasons.ScaledObjectUnpaused, ConditionMessages.Unpaused, cancellationToken)
                .ConfigureAwait(false);
        }

        if (string.IsNullOrEmpty(so.Spec.ScaleTargetRef?.Name))
        {
            return "ScaledObject doesn't have correct scaleTargetRef specification: ScaledObject.spec.scaleTargetRef.name is missing";
        }

        var (gvkr, parseError) = await _scaleTargets.ResolveAsync(so.Spec.ScaleTargetRef, cancellationToken).ConfigureAwait(false);
        if (gvkr is null)
        {
            return $"ScaledObject doesn't have correct scaleTargetRef specification: {parseError}";
        }

        var scale = await _scaleTargets.GetAsync(gvkr, so.Metadata.NamespaceProperty, so.Spec.ScaleTargetRef.Name, cancellationToken).ConfigureAwait(false);
        if (scale is null)
        {
            var exists = await _scaleTargets.ExistsAsync(gvkr, so.Metadata.NamespaceProperty, so.Spec.ScaleTargetRef.Name, cancellationToken)
                .ConfigureAwait(false);
            return "ScaledObject doesn't have correct scaleTargetRef specification: "
                + (exists ? "Target resource doesn't expose /scale subresource" : "Target resource doesn't exist");
        }

        // KEDA records the target's GVKR (its resource from discovery) whenever the target kind changes.
        if (status.ScaleTargetKind != gvkr.GvkString() || status.ScaleTargetGvkr is null)
        {
            status.ScaleTargetKind = gvkr.GvkString();
            status.ScaleTargetGvkr = gvkr;
        }

        status.OriginalReplicaCount ??= scale.Spec?.Replicas ?? 0;
        await DiscoverNamespaceTargetsAsync(so.Metadata.NamespaceProperty, cancellationToken).ConfigureAwait(false);
        var validation = ScaledObjectValidator.ValidateCreate(so, _informers);
        if (validation.Errors.Count > 0)
        {
            return string.Join("; ", validation.Errors);
        }

        status.TriggersTypes = ScaledObjectTypes.TriggersTypes(so.Spec);
        status.AuthenticationsTypes = ScaledObjectTypes.AuthenticationsTypes(so.Spec);
        var built = _scalers.Get(key, so);
        if (!built.IsComplete)
        {
            await _scalers.InvalidateAsync(key).ConfigureAwait(false);
            return "ScaledObject doesn't have correct triggers specification: " + string.Join("; ", built.Errors);
        }

        var generated = HpaBuilder.Build(so, built.MetricSpecs(), gvkr, _options.Version);
        if (generated.Hpa is not { } hpa || generated.Error is not null)
        {
            return $"failed to ensure HPA is correctly created for ScaledObject: {generated.Error}";
        }

        status.ExternalMetricNames = [.. generated.ExternalMetricNames];
        status.ResourceMetricNames = [.. generated.ResourceMetricNames];
        status.CompositeScalerName = generated.CompositeScalerName;
        if (so.Spec.Fallback is not null)
        {
            status.Health = generated.Health.Count > 0 ? generated.Health : status.Health;
        }

        if (_options.ScalingMode == ScalingMode.Hpa)
        {
            await EnsureHpaAsync(so, status, hpa, cancellationToken).ConfigureAwait(false);
            status.HpaName = hpa.Metadata.Name;
        }
        else
        {
            // Direct mode: the scale loop runs the HPA algorithm itself; an HPA this ScaledObject owns (left from hpa mode) goes.
            await DeleteOwnedHpasAsync(so, status, hpa.Metadata.Name, cancellationToken).ConfigureAwait(false);
            status.HpaName = null;
        }

        ScaledObjectConditions.SetTrue(status, ConditionTypes.Ready, ConditionReasons.ScaledObjectReady, ConditionMessages.ReadySuccess);
        StartLoop(key, so);
        return null;
    }

    // Validation maps the targets of the namespace's other ScaledObjects and HPAs through the discovery cache.
    private async Task DiscoverNamespaceTargetsAsync(string ns, CancellationToken cancellationToken)
    {
        foreach (var other in _informers.GetScaledObjects(ns))
        {
            await _discovery.DiscoverAsync(other.Spec.ScaleTargetRef?.ApiVersion, other.Spec.ScaleTargetRef?.Kind, cancellationToken).ConfigureAwait(false);
        }

        foreach (var hpa in _informers.GetHorizontalPodAutoscalers(ns))
        {
            await _discovery.DiscoverAsync(hpa.Spec?.ScaleTargetRef?.ApiVersion, hpa.Spec?.ScaleTargetRef?.Kind, cancellationToken).ConfigureAwait(false);
        }
    }

    private void RequeueNamespace(string ns)
    {
        var affected = ns == _options.ClusterObjectNamespace ? _informers.ScaledObjects.Items : _informers.ScaledObjects.InNamespace(ns);
        foreach (var so in affected)
        {
            var key = ObjectKey.Of(so.Metadata);
            _ = _scalers.InvalidateAsync(key);
            Enqueue(key);
        }
    }

    private async Task<ScaledObject> EnsureFinalizerAndLabelAsync(ScaledObject so, CancellationToken cancellationToken)
    {
        var hasFinalizer = so.Metadata.Finalizers?.Contains(ScaledObjectDefaults.Finalizer) == true;
        var hasLabel = so.Metadata.Labels?.TryGetValue(ScaledObjectDefaults.ScaledObjectNameLabel, out var value) == true && value == so.Metadata.Name;
        if (hasFinalizer && hasLabel)
        {
            return so;
        }

        var finalizers = new JsonArray([.. (so.Metadata.Finalizers ?? []).Select(f => JsonValue.Create(f))]);
        if (!hasFinalizer)
        {
            finalizers.Add(ScaledObjectDefaults.Finalizer);
        }

        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["finalizers"] = finalizers,
                ["labels"] = new JsonObject { [ScaledObjectDefaults.ScaledObjectNameLabel] = so.Metadata.Name },
                ["resourceVersion"] = so.Metadata.ResourceVersion,
            },
        };
        var updated = await _client.CustomObjects.PatchNamespacedCustomObjectAsync<ScaledObject>(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), ScaledObject.KubeGroup, ScaledObject.KubeVersion,
            so.Metadata.NamespaceProperty, ScaledObject.KubePlural, so.Metadata.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
        return updated;
    }

    private static bool IsNotFound(HttpOperationException ex) => ex.Response.StatusCode == HttpStatusCode.NotFound;
}
