using k8s;
using k8s.Autorest;
using k8s.Models;
using Kubernetes.Controller.Autoscaling;
using Microsoft.Extensions.Logging;
using Operator.Api;
using Operator.Controllers;
using Operator.Hosting;
using Operator.Scalers;
using Operator.Scaling;
using Operator.Scaling.Direct;
using Operator.Scaling.Hpa;
using Operator.Scaling.Modifiers;

namespace Operator.ScaleLoop;

/// <summary>
/// The HPA half of a poll in direct mode: builds the HPA KEDA would have created, runs the shared HPA algorithm on
/// this poll's trigger values and the pods' metrics, and writes <c>/scale</c> when the desired count differs.
/// In <c>hpa</c> mode it does nothing (the cluster's HPA controller does this job).
/// </summary>
internal sealed class DirectScaleExecutor(
    OperatorOptions options,
    DirectAutoscaler autoscaler,
    ScaleTargetClient scaleTargets,
    IKubernetes client,
    TimeProvider time,
    ILogger<DirectScaleExecutor> logger)
{
    private readonly ApiMetricsSource _cluster = new(client);

    public bool Enabled => options.ScalingMode == ScalingMode.Direct;

    /// <summary>
    /// When the next poll is due: in direct mode, while the target has replicas, at least every
    /// <c>--horizontal-pod-autoscaler-sync-period</c>, as the HPA controller would sync (KEDA's
    /// <c>pollingInterval</c> alone otherwise).
    /// </summary>
    public TimeSpan NextPoll(TimeSpan pollingInterval, int? currentReplicas) =>
        Enabled && currentReplicas > 0 && options.DirectSyncPeriod < pollingInterval ? options.DirectSyncPeriod : pollingInterval;

    /// <summary>Drops the stabilization state of a ScaledObject whose loop stopped.</summary>
    public void Forget(string key) => autoscaler.Forget(key);

    /// <summary>
    /// Runs the algorithm when direct mode applies to this poll: KEDA's own decision wrote nothing (0↔1, idle,
    /// fallback and pause stay KEDA's). Null when it does not apply; at zero replicas only the HPA's conditions.
    /// </summary>
    public async Task<DirectScaleResult?> ScaleAsync(
        string key, ScaledObject so, BuiltScalers built, GroupVersionKindResource gvkr, V1Scale scale, ScalePollResult poll,
        CancellationToken cancellationToken)
    {
        var current = scale.Spec?.Replicas ?? 0;
        if (!Enabled || poll.TargetReplicas is not null)
        {
            return null;
        }

        var generated = HpaBuilder.Build(so, built.MetricSpecs(), gvkr, options.Version);
        if (generated.Hpa is not { } hpa)
        {
            return DirectScaleResult.Failed(current, generated.Error ?? "no HPA could be generated");
        }

        // The HPA's last conditions are the ScaledObject's: a sync that stops early keeps the others, as on an HPA.
        var conditions = DirectConditions.Of(so.Status);
        hpa.Status = new V2HorizontalPodAutoscalerStatus { Conditions = conditions, DesiredReplicas = current, CurrentReplicas = current };
        if (!DirectAutoscaler.Applies(current, poll.TargetReplicas))
        {
            // An HPA never scales up from zero (KEDA owns 0→1); it says so in its conditions.
            HpaConditions.Set(conditions, HpaConditions.ScalingActive, HpaConditions.False, "ScalingDisabled",
                "scaling is disabled since the replica count of the target is zero", time.GetUtcNow());
            return DirectScaleResult.AtZero(conditions);
        }

        var external = ExternalValues(so, built, poll, out var formulaError);
        if (formulaError is not null)
        {
            DirectScaleLog.Failed(logger, key, formulaError);
            return DirectScaleResult.Failed(current, formulaError);
        }

        autoscaler.Track(key, hpa);
        var snapshot = new ScaleSnapshot(current, scale.Status?.Replicas ?? 0, scale.Status?.Selector);
        var decision = await autoscaler.DecideAsync(hpa, snapshot, new PolledMetricsSource(external, _cluster, Failures(poll)), cancellationToken)
            .ConfigureAwait(false);
        if (decision.Error is not null)
        {
            DirectScaleLog.Failed(logger, key, decision.Error);
            return DirectScaleResult.Failed(current, decision.Error) with { Events = decision.Events, Conditions = decision.Conditions };
        }

        if (!decision.Rescale)
        {
            return new DirectScaleResult(current, decision.DesiredReplicas, false, decision.RescaleReason, null)
            {
                Events = decision.Events,
                Conditions = decision.Conditions,
            };
        }

        string? error = null;
        try
        {
            await scaleTargets.SetReplicasAsync(gvkr, so.Metadata.NamespaceProperty, so.Spec.ScaleTargetRef.Name, decision.DesiredReplicas, cancellationToken)
                .ConfigureAwait(false);
            DirectScaleLog.Rescaled(logger, key, current, decision.DesiredReplicas, decision.RescaleReason);
        }
        catch (HttpOperationException ex)
        {
            error = $"{(int)ex.Response.StatusCode}: {ex.Response.Content}";
        }

        autoscaler.Complete(hpa, decision, error);
        return new DirectScaleResult(current, decision.DesiredReplicas, error is null, decision.RescaleReason, error)
        {
            Events = decision.Events,
            Conditions = decision.Conditions,
        };
    }

    /// <summary>
    /// <paramref name="status"/> with the HPA's conditions of this poll in direct mode (kept as they were when the
    /// algorithm did not run); in <c>hpa</c> mode without them, since the HPA carries its own.
    /// </summary>
    public ScaledObjectStatus WithHpaConditions(ScaledObjectStatus status, DirectScaleResult? result) =>
        !Enabled ? DirectConditions.Without(status)
        : result?.Conditions is { } conditions ? DirectConditions.With(status, conditions)
        : status;

    // Why each failed trigger's metric has no value this poll (trigger errors never carry a secret).
    private static Dictionary<string, string> Failures(ScalePollResult poll)
    {
        var failures = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var trigger in poll.Triggers.Where(t => t.IsError && t.MetricName.Length > 0))
        {
            failures.TryAdd(trigger.MetricName, trigger.Error ?? "the scaler failed");
        }

        return failures;
    }

    // The values the adapter would serve: each trigger's metric after fallback, and with scalingModifiers the
    // composite metric from the same formula runtime.
    private static Dictionary<string, IReadOnlyList<MetricValue>> ExternalValues(
        ScaledObject so, BuiltScalers built, ScalePollResult poll, out string? error)
    {
        error = null;
        var external = new Dictionary<string, IReadOnlyList<MetricValue>>(StringComparer.OrdinalIgnoreCase);
        foreach (var trigger in poll.Triggers)
        {
            if (trigger.MetricName.Length > 0 && !trigger.IsError)
            {
                external.TryAdd(trigger.MetricName, trigger.Metrics);
            }
        }

        if (!so.IsUsingModifiers())
        {
            return external;
        }

        var metricToTrigger = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var trigger in built.Triggers)
        {
            foreach (var spec in trigger.Scaler?.GetMetricSpecs() ?? [])
            {
                if (spec.External?.Metric?.Name is { } name && !string.IsNullOrEmpty(trigger.Trigger.Name))
                {
                    metricToTrigger[name] = trigger.Trigger.Name;
                }
            }
        }

        var composite = ScalingModifiersRuntime.Handle(so, poll.Health, [.. external.Values.SelectMany(v => v)], metricToTrigger,
            false, [], built.Formula, out error);
        external[ScaledObjectDefaults.CompositeMetricName] = composite;
        return external;
    }
}
