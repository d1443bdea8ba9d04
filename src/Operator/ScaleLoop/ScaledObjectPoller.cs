using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Operator.Api;
using Operator.Controllers;
using Operator.Decisions;
using Operator.Scalers;
using Operator.Scaling;
using Operator.Scaling.Executor;

namespace Operator.ScaleLoop;

/// <summary>
/// One poll of one ScaledObject (KEDA's <c>checkScalers</c> + <c>RequestScale</c>): query every trigger, aggregate
/// activity, decide with <see cref="ScaleDecider"/>, write <c>/scale</c> for 0↔1 and idle/min, then status, events,
/// a decision record and a span. Never throws: failures become conditions and the next poll comes anyway.
/// </summary>
internal sealed class ScaledObjectPoller(
    OperatorInformers informers,
    ScalerCache scalers,
    MetricsCache metrics,
    ScaleTargetClient scaleTargets,
    ScaledObjectWriter writer,
    IDecisionLog decisions,
    TimeProvider time,
    ILogger<ScaledObjectPoller> logger)
{
    public static readonly ActivitySource ActivitySource = new("Keda.Operator");

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _serial = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IAsyncDisposable> _pushWatches = new(StringComparer.Ordinal);

    /// <summary>Set by the host: wakes a loop at once (push scalers' signal).</summary>
    public Action<string> PollNow { get; set; } = _ => { };

    public async Task<TimeSpan?> PollAsync(string key, CancellationToken cancellationToken)
    {
        var gate = _serial.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!informers.ScaledObjects.TryGet(key, out var so) || so.Metadata.DeletionTimestamp is not null
                || ScaledObjectAnnotations.NeedToBePausedByAnnotation(so))
            {
                await StopPushWatchAsync(key).ConfigureAwait(false);
                return null;
            }

            var interval = TimeSpan.FromSeconds(so.Spec.PollingInterval ?? ScaledObjectDefaults.PollingInterval);
            try
            {
                await PollOnceAsync(key, so, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ScaleLoopLog.PollFailed(logger, key, ex.Message);
            }

            return interval;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task ForgetAsync(string key)
    {
        await StopPushWatchAsync(key).ConfigureAwait(false);
        metrics.Forget(key);
        await scalers.InvalidateAsync(key).ConfigureAwait(false);
    }

    private async Task PollOnceAsync(string key, ScaledObject so, CancellationToken cancellationToken)
    {
        var gvkr = so.Status?.ScaleTargetGvkr;
        if (gvkr is null)
        {
            return;
        }

        using var span = ActivitySource.StartActivity("scaledobject.poll");
        span?.SetTag("keda.scaledobject", key);
        var built = scalers.Get(key, so);
        var (states, observations) = await QueryTriggersAsync(key, built, cancellationToken).ConfigureAwait(false);
        var activity = ActivityAggregator.Aggregate(so, states);
        var isError = activity.IsError || activity.Error is not null;
        if (isError)
        {
            // KEDA drops the whole scalers cache after an error so credentials and clients are rebuilt next poll.
            await scalers.InvalidateAsync(key).ConfigureAwait(false);
        }

        span?.SetTag("keda.active", activity.IsActive);
        span?.SetTag("keda.error", isError);
        var scale = await scaleTargets.GetAsync(gvkr, so.Metadata.NamespaceProperty, so.Spec.ScaleTargetRef.Name, cancellationToken).ConfigureAwait(false);
        if (scale is null)
        {
            var failed = ScaleDecider.CurrentReplicasUnavailable(so, $"{gvkr.Resource} \"{so.Spec.ScaleTargetRef.Name}\" not found");
            var status = ScaledObjectWriter.CloneStatus(so);
            failed.ApplyTo(status);
            await writer.WriteStatusAsync(so, status, cancellationToken).ConfigureAwait(false);
            return;
        }

        var current = scale.Spec?.Replicas ?? 0;
        await UpdatePushWatchAsync(key, built, current).ConfigureAwait(false);
        var decision = new ScaleDecider(time).Decide(new ScaleRequest(so, current, activity.IsActive, isError, activity.ActiveTriggers));
        span?.SetTag("keda.replicas.current", current);
        span?.SetTag("keda.cooldown.lastActiveTime", so.Status?.LastActiveTime?.ToString("O", CultureInfo.InvariantCulture));
        var succeeded = true;
        if (decision.TargetReplicas is int target)
        {
            using var change = ActivitySource.StartActivity("scaledobject.scale");
            change?.SetTag("keda.scaledobject", key);
            change?.SetTag("keda.replicas.from", current);
            change?.SetTag("keda.replicas.to", target);
            change?.SetTag("keda.action", decision.Action.ToString());
            try
            {
                await scaleTargets.SetReplicasAsync(gvkr, so.Metadata.NamespaceProperty, so.Spec.ScaleTargetRef.Name, target, cancellationToken)
                    .ConfigureAwait(false);
                ScaleLoopLog.Scaled(logger, key, current, target, decision.Action);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                succeeded = false;
                change?.SetStatus(ActivityStatusCode.Error, ex.Message);
            }
        }

        var outcome = decision.For(succeeded);
        var newStatus = ScaledObjectWriter.CloneStatus(so);
        outcome.ApplyTo(newStatus);
        await writer.WriteStatusAsync(so, newStatus, cancellationToken).ConfigureAwait(false);
        foreach (var scaleEvent in outcome.Events)
        {
            await writer.EventAsync(so, scaleEvent, cancellationToken).ConfigureAwait(false);
        }

        var record = DecisionFor(time.GetUtcNow(), decision, current, activity.IsActive, isError, succeeded, observations, span?.TraceId.ToString());
        span?.SetTag("keda.decision.rule", record.Rule);
        span?.SetTag("keda.decision", record.Summary);
        decisions.Record(so.Metadata.NamespaceProperty, so.Metadata.Name, record);
    }

    private async Task<(List<TriggerState> States, List<TriggerObservation> Observations)> QueryTriggersAsync(
        string key, BuiltScalers built, CancellationToken cancellationToken)
    {
        var states = new List<TriggerState>();
        var observations = new List<TriggerObservation>();
        foreach (var trigger in built.Triggers)
        {
            if (trigger.Scaler is null)
            {
                states.Add(new TriggerState(trigger.Trigger.Type, "", false, true, []));
                observations.Add(new TriggerObservation { Index = trigger.Index, Type = trigger.Trigger.Type, Name = trigger.Trigger.Name, Error = "scaler could not be built" });
                continue;
            }

            foreach (var spec in trigger.Scaler.GetMetricSpecs())
            {
                if (spec.External?.Metric?.Name is not { } metricName)
                {
                    continue;
                }

                var result = await trigger.Scaler.GetMetricsAndActivityAsync(metricName, cancellationToken).ConfigureAwait(false);
                metrics.Store(key, metricName, result);
                states.Add(new TriggerState(trigger.Trigger.Type, metricName, result.IsSuccess && result.IsActive, !result.IsSuccess, result.Metrics));
                observations.Add(new TriggerObservation
                {
                    Index = trigger.Index,
                    Type = trigger.Trigger.Type,
                    Name = trigger.Trigger.Name,
                    MetricName = metricName,
                    Value = result.Metrics.Count > 0 ? result.Metrics[0].Value : null,
                    Target = Quantity(spec.External.Target?.AverageValue?.ToString() ?? spec.External.Target?.Value?.ToString()),
                    IsActive = result.IsSuccess && result.IsActive,
                    Error = result.Error,
                });
            }
        }

        return (states, observations);
    }

    private static double? Quantity(string? text) =>
        text is not null && double.TryParse(text.TrimEnd('m'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? text.EndsWith('m') ? value / 1000 : value
            : null;

    private static DecisionRecord DecisionFor(
        DateTimeOffset now, ScaleDecision decision, int current, bool isActive, bool isError, bool succeeded, List<TriggerObservation> observations, string? traceId)
    {
        var (rule, summary) = decision.Action switch
        {
            ScaleAction.ScaleFromZeroOrIdle => (DecisionRules.Activation, $"scaled {current}→{decision.TargetReplicas} because {Cause(observations)}"),
            ScaleAction.ScaleToZeroOrIdle => (DecisionRules.ScaleToZero, $"scaled {current}→{decision.TargetReplicas} because no trigger is active and the cooldown has passed"),
            ScaleAction.EnforceMinReplicas => (DecisionRules.MinReplicas, $"scaled {current}→{decision.TargetReplicas} to reach minReplicaCount"),
            _ when isError => (DecisionRules.Error, $"kept {current} replicas: a trigger failed"),
            _ when isActive => (DecisionRules.Hpa, $"kept {current} replicas: active, the HPA scales between min and max"),
            _ when current > 0 => (DecisionRules.Cooldown, $"kept {current} replicas: no trigger is active, cooling down"),
            _ => (DecisionRules.ScaleToZero, $"kept {current} replicas: no trigger is active"),
        };
        if (!succeeded)
        {
            summary = "failed: " + summary;
        }

        return new DecisionRecord
        {
            Time = now,
            Triggers = observations,
            IsActive = isActive,
            Rule = rule,
            Summary = summary,
            ReplicasBefore = current,
            ReplicasWritten = succeeded ? decision.TargetReplicas : null,
            TraceId = traceId,
        };
    }

    private static string Cause(List<TriggerObservation> observations)
    {
        var active = observations.FirstOrDefault(o => o.IsActive);
        return active is null
            ? "activation is forced"
            : string.Create(CultureInfo.InvariantCulture, $"trigger {active.Index} ({active.Type}) = {active.Value} is active");
    }

    private async Task UpdatePushWatchAsync(string key, BuiltScalers built, int current)
    {
        if (current > 0)
        {
            await StopPushWatchAsync(key).ConfigureAwait(false);
            return;
        }

        if (_pushWatches.ContainsKey(key))
        {
            return;
        }

        var handles = built.Triggers.Select(t => t.Scaler).OfType<IPushScaler>().Select(p => p.WatchForActivity(() => PollNow(key))).ToList();
        if (handles.Count > 0)
        {
            _pushWatches[key] = new PushWatches(handles);
        }
    }

    private async Task StopPushWatchAsync(string key)
    {
        if (_pushWatches.TryRemove(key, out var watch))
        {
            await watch.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed class PushWatches(List<IAsyncDisposable> handles) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var handle in handles)
            {
                await handle.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
