using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Operator.Api;
using Operator.Controllers;
using Operator.Decisions;
using Operator.Scalers;
using Operator.Scaling;
using Operator.Scaling.Executor;
using Operator.Scaling.Fallbacks;
using Operator.Telemetry;

namespace Operator.ScaleLoop;

/// <summary>
/// One poll of one ScaledObject (KEDA's <c>checkScalers</c>): read the target's replicas, query every trigger, hand
/// everything to the one pure <see cref="ScalePollStep"/> (fallback, scalingModifiers, the <c>RequestScale</c> table,
/// HPA health), write <c>/scale</c> when it asks (0↔1, idle, min), then the status fields the loop owns, events, a
/// decision record, telemetry and a span. Never throws: failures become conditions and the next poll comes anyway.
/// </summary>
internal sealed class ScaledObjectPoller(
    OperatorInformers informers,
    ScalerCache scalers,
    MetricsCache metrics,
    FallbackHealthLedger health,
    TriggerQueries queries,
    ScaleTargetClient scaleTargets,
    ScaledObjectWriter writer,
    IDecisionLog decisions,
    OperatorMetrics telemetry,
    DirectScaleExecutor direct,
    DecisionTraceLinks traceLinks,
    TimeProvider time,
    ILogger<ScaledObjectPoller> logger)
{
    private readonly ScalePollStep _step = new(time);

    public static readonly ActivitySource ActivitySource = new("Keda.Operator");

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _serial = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IAsyncDisposable> _pushWatches = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _due = new(StringComparer.Ordinal);

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

            var started = RecordDrift(key, so);
            int? replicas = null;
            try
            {
                replicas = await PollOnceAsync(key, so, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ScaleLoopLog.PollFailed(logger, key, ex.Message);
            }

            var interval = direct.NextPoll(TimeSpan.FromSeconds(so.Spec.PollingInterval ?? ScaledObjectDefaults.PollingInterval), replicas);
            _due[key] = started + interval;
            return interval;
        }
        finally
        {
            gate.Release();
        }
    }

    // keda_internal_scale_loop_latency_seconds: how late this poll runs against the time the previous one scheduled
    // (an early wake-up by a push scaler counts as on time).
    private DateTimeOffset RecordDrift(string key, ScaledObject so)
    {
        var now = time.GetUtcNow();
        if (_due.TryGetValue(key, out var due))
        {
            telemetry.RecordScaleLoopLatency(so.Metadata.NamespaceProperty, so.Metadata.Name, now > due ? now - due : TimeSpan.Zero);
        }

        return now;
    }

    public async Task ForgetAsync(string key)
    {
        _due.TryRemove(key, out _);
        await StopPushWatchAsync(key).ConfigureAwait(false);
        metrics.Forget(key);
        health.Forget(key);
        direct.Forget(key);
        await scalers.InvalidateAsync(key).ConfigureAwait(false);
    }

    // One poll; returns the target's replicas as read before it (null when they could not be read).
    private async Task<int?> PollOnceAsync(string key, ScaledObject so, CancellationToken cancellationToken)
    {
        var gvkr = so.Status?.ScaleTargetGvkr;
        if (gvkr is null)
        {
            return null;
        }

        using var span = ActivitySource.StartActivity("scaledobject.poll");
        span?.SetTag("keda.scaledobject", key);
        var ns = so.Metadata.NamespaceProperty;
        var target = so.Spec.ScaleTargetRef.Name;
        var built = scalers.Get(key, so);
        var (scale, scaleError) = await ReadScaleAsync(gvkr, ns, target, cancellationToken).ConfigureAwait(false);
        var current = scale?.Spec?.Replicas;
        var (polls, observations) = await queries.QueryAsync(key, so, built, cancellationToken).ConfigureAwait(false);
        var ready = scale is not null && NeedsReadyReplicas(so, polls)
            ? await scaleTargets.CountReadyPodsAsync(scale, ns, cancellationToken).ConfigureAwait(false)
            : (int?)null;
        informers.Autoscalers.TryGet($"{ns}/{so.Status?.HpaName}", out var hpa);
        var counted = health.Current(key, so);
        var result = _step.Poll(new ScalePollInput
        {
            ScaledObject = so,
            Health = counted,
            CurrentReplicas = current,
            CurrentReplicasError = scaleError,
            ReadyReplicas = ready,
            Triggers = polls,
            Formula = built.Formula,
            Hpa = hpa,
        });
        health.RecordPoll(key, so, counted, result.Health);
        var isError = result.Activity.IsError;
        telemetry.RecordScaledObjectError(ns, so.Metadata.Name, isError);
        if (isError)
        {
            // KEDA drops the whole scalers cache after an error so credentials and clients are rebuilt next poll.
            await scalers.InvalidateAsync(key).ConfigureAwait(false);
        }

        span?.SetTag("keda.active", result.Activity.IsActive);
        span?.SetTag("keda.error", isError);
        span?.SetTag("keda.replicas.current", current);
        span?.SetTag("keda.cooldown.lastActiveTime", so.Status?.LastActiveTime?.ToString("O", CultureInfo.InvariantCulture));
        if (current is int replicas)
        {
            await UpdatePushWatchAsync(key, built, replicas).ConfigureAwait(false);
        }

        var succeeded = result.TargetReplicas is not int wanted
            || await ScaleAsync(key, gvkr, so, built, replicas: current ?? 0, wanted, result.Action, cancellationToken).ConfigureAwait(false);
        var directResult = scale is null ? null
            : await direct.ScaleAsync(key, so, built, gvkr, scale, result, cancellationToken).ConfigureAwait(false);
        var outcome = result.For(succeeded);
        var status = direct.WithHpaConditions(outcome.Status, directResult);
        if (outcome.StatusChanged || !ReferenceEquals(status, outcome.Status))
        {
            await writer.WriteStatusAsync(so, status, cancellationToken).ConfigureAwait(false);
        }

        foreach (var scaleEvent in outcome.Events)
        {
            await writer.EventAsync(so, scaleEvent, cancellationToken).ConfigureAwait(false);
        }

        // Direct mode: the Events the HPA controller would have recorded on its HPA, on the ScaledObject instead.
        foreach (var hpaEvent in directResult?.Events ?? [])
        {
            await writer.EventAsync(so, hpaEvent.Type, hpaEvent.Reason, hpaEvent.Message, cancellationToken).ConfigureAwait(false);
        }

        var record = PollDecisions.For(time.GetUtcNow(), result, current, succeeded, observations, span?.TraceId.ToString());
        record = directResult?.Describe(record) ?? record;
        span?.SetTag("keda.decision.rule", record.Rule);
        span?.SetTag("keda.decision", record.Summary);
        decisions.Record(ns, so.Metadata.Name, record);
        return current;
    }

    // The replica write of a decision (0↔1, idle, min): one span per change, a failure becomes the decision's failed outcome.
    // A scale-up links its span to the traces of the messages waiting in the sources, read beside the write (not before
    // it, so activation is not delayed) and time-boxed.
    private async Task<bool> ScaleAsync(
        string key, GroupVersionKindResource gvkr, ScaledObject so, BuiltScalers built, int replicas, int wanted, ScaleAction action,
        CancellationToken cancellationToken)
    {
        using var change = ActivitySource.StartActivity("scaledobject.scale");
        change?.SetTag("keda.scaledobject", key);
        change?.SetTag("keda.replicas.from", replicas);
        change?.SetTag("keda.replicas.to", wanted);
        change?.SetTag("keda.action", action.ToString());
        var links = change is not null && wanted > replicas ? traceLinks.ReadAsync(key, built, cancellationToken) : null;
        try
        {
            await scaleTargets.SetReplicasAsync(gvkr, so.Metadata.NamespaceProperty, so.Spec.ScaleTargetRef.Name, wanted, cancellationToken)
                .ConfigureAwait(false);
            ScaleLoopLog.Scaled(logger, key, replicas, wanted, action);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            change?.SetStatus(ActivityStatusCode.Error, ex.Message);
            return false;
        }
        finally
        {
            if (links is not null)
            {
                foreach (var link in await links.ConfigureAwait(false))
                {
                    change!.AddLink(link);
                }

                change!.SetTag("keda.links", change.Links.Count());
            }
        }
    }

    private async Task<(V1Scale? Scale, string? Error)> ReadScaleAsync(
        GroupVersionKindResource gvkr, string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            var scale = await scaleTargets.GetAsync(gvkr, ns, name, cancellationToken).ConfigureAwait(false);
            return scale is null ? (null, $"{gvkr.Resource}.{gvkr.Group} \"{name}\" not found") : (scale, null);
        }
        catch (HttpOperationException ex)
        {
            return (null, ex.Message);
        }
    }

    // Fallback with Value targets divides by the Running+Ready pods; count them only when a failing trigger needs it.
    private static bool NeedsReadyReplicas(ScaledObject so, List<TriggerPoll> polls) =>
        so.Spec.Fallback is not null
        && polls.Any(p => p.Result is { IsSuccess: false } && p.MetricSpec is { } spec && FallbackEvaluator.NeedsReadyReplicas(so, spec));

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
