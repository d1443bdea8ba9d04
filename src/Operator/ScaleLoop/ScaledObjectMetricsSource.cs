using k8s.Models;
using Operator.Api;
using Operator.Controllers;
using Operator.Metrics;
using Operator.Scalers;
using Operator.Scaling.Fallbacks;
using Operator.Scaling.Modifiers;
using Operator.Scaling.Status;

namespace Operator.ScaleLoop;

/// <summary>
/// KEDA's <c>GetScaledObjectMetrics</c> for the metrics adapter: finds the triggers that report the metric (names
/// compared case-insensitively; with scalingModifiers every External metric feeds the formula), answers from the last
/// poll when the trigger has <c>useCachedMetrics</c>, otherwise asks the cached scaler, then applies fallback and the
/// scalingModifiers formula with the same functions the scale loop's poll step uses. Failures count in the
/// <see cref="FallbackHealthLedger"/> the loop counts in (at most once per metric per polling interval) and a changed
/// count is written to <c>status.health</c> with the Fallback condition through the loop's status writer, as KEDA's
/// adapter path does.
/// </summary>
internal sealed class ScaledObjectMetricsSource(
    OperatorInformers informers,
    ScalerCache scalers,
    MetricsCache metrics,
    FallbackHealthLedger ledger,
    ScaleTargetClient scaleTargets,
    ScaledObjectWriter writer) : IScaledObjectMetricsSource
{
    public async ValueTask<ScaledObjectMetricsResult> GetMetricsAsync(
        string @namespace, string scaledObjectName, string metricName, CancellationToken cancellationToken)
    {
        var key = $"{@namespace}/{scaledObjectName}";
        if (!informers.ScaledObjects.TryGet(key, out var so))
        {
            return ScaledObjectMetricsResult.Missing($"scaledObject {key} not found");
        }

        var built = scalers.Get(key, so);
        var modifiers = so.IsUsingModifiers();
        var matching = new List<MetricValue>();
        var fallbackValues = new List<MetricValue>();
        var metricToTrigger = new Dictionary<string, string>(StringComparer.Ordinal);
        var healthBefore = ledger.Current(key, so);
        Dictionary<string, HealthStatus>? healthChanged = null;
        var (isError, fallbackActive, found) = (false, false, false);
        Replicas? replicas = null;
        foreach (var trigger in built.Triggers)
        {
            foreach (var spec in trigger.Scaler?.GetMetricSpecs() ?? [])
            {
                if (spec.External?.Metric?.Name is not { } name
                    || (!modifiers && !string.Equals(name, metricName, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                found = true;
                if (!trigger.Trigger.UseCachedMetrics || !metrics.TryGet(key, name, out var result))
                {
                    result = await trigger.Scaler!.GetMetricsAndActivityAsync(name, cancellationToken).ConfigureAwait(false);
                }

                if (!result.IsSuccess && so.Spec.Fallback is not null)
                {
                    replicas ??= await ReadReplicasAsync(so, spec, cancellationToken).ConfigureAwait(false);
                }

                var queried = result;
                var (afterFallback, changed) = ledger.RecordRequest(key, so, name, (health, countFailure) => FallbackEvaluator.Apply(
                    so, name, queried.Metrics, queried.Error, spec, replicas?.Current, replicas?.Ready, health, countFailure));
                healthChanged = changed ?? healthChanged;

                if (!string.IsNullOrEmpty(trigger.Trigger.Name))
                {
                    metricToTrigger[name] = trigger.Trigger.Name;
                }

                isError |= !afterFallback.IsSuccess;
                fallbackActive |= afterFallback.FallbackActive;
                (afterFallback.FallbackActive ? fallbackValues : matching).AddRange(afterFallback.Metrics);
            }
        }

        if (healthChanged is not null)
        {
            await WriteHealthAsync(so, healthBefore, healthChanged, cancellationToken).ConfigureAwait(false);
        }

        if (!found)
        {
            return ScaledObjectMetricsResult.Missing($"no matching metrics found for {metricName} in scaledObject {key}");
        }

        if (isError)
        {
            // KEDA drops the scalers after any error so credentials and clients are rebuilt on the next use.
            await scalers.InvalidateAsync(key).ConfigureAwait(false);
            if (!fallbackActive)
            {
                return ScaledObjectMetricsResult.Failure($"metric:{metricName} encountered error");
            }
        }

        var values = ScalingModifiersRuntime.Handle(so, healthChanged ?? healthBefore, [.. matching, .. fallbackValues],
            metricToTrigger, fallbackActive, fallbackValues, built.Formula, out var formulaError);
        if (formulaError is not null)
        {
            return ScaledObjectMetricsResult.Failure($"metric:{metricName} encountered error: {formulaError}");
        }

        return values.Count > 0
            ? ScaledObjectMetricsResult.Success(values)
            : ScaledObjectMetricsResult.Missing($"no matching metrics found for {metricName} in scaledObject {key}");
    }

    // KEDA's adapter patches health and the Fallback condition itself; the fallback events come with the change that
    // crossed the threshold (KEDA's loop only emits them when it sees the condition change itself, so it can miss one).
    private async Task WriteHealthAsync(
        ScaledObject so, Dictionary<string, HealthStatus> before, Dictionary<string, HealthStatus> after, CancellationToken cancellationToken)
    {
        var status = ScaledObjectStatusCopy.Of(so.Status);
        status.Health = after;
        var condition = FallbackEvaluator.FallbackCondition(so, after);
        ScaledObjectConditions.Set(status, condition.Type, condition.Status, condition.Reason, condition.Message);
        await writer.WriteStatusAsync(so, status, cancellationToken).ConfigureAwait(false);
        if (FallbackEvents.ForTransition(FallbackEvaluator.IsFallbackActive(so, before), FallbackEvaluator.IsFallbackActive(so, after)) is { } transition)
        {
            await writer.EventAsync(so, transition, cancellationToken).ConfigureAwait(false);
        }
    }

    // The target's replicas for fallback behaviors other than static, and Running+Ready pods for Value targets.
    private async Task<Replicas> ReadReplicasAsync(ScaledObject so, V2MetricSpec spec, CancellationToken cancellationToken)
    {
        if (so.Status?.ScaleTargetGvkr is not { } gvkr)
        {
            return new Replicas(null, null);
        }

        var ns = so.Metadata.NamespaceProperty;
        var scale = await scaleTargets.GetAsync(gvkr, ns, so.Spec.ScaleTargetRef.Name, cancellationToken).ConfigureAwait(false);
        var ready = scale is not null && FallbackEvaluator.NeedsReadyReplicas(so, spec)
            ? await scaleTargets.CountReadyPodsAsync(scale, ns, cancellationToken).ConfigureAwait(false)
            : (int?)null;
        return new Replicas(scale?.Spec?.Replicas, ready);
    }

    private sealed record Replicas(int? Current, int? Ready);
}
