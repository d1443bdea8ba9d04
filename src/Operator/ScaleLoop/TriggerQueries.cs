using System.Globalization;
using Operator.Api;
using Operator.Decisions;
using Operator.Scalers;
using Operator.Scaling;
using Operator.Telemetry;

namespace Operator.ScaleLoop;

/// <summary>
/// KEDA's <c>getScalerState</c> for every trigger of one poll: asks each scaler for each of its External metrics,
/// keeps the raw result for <c>useCachedMetrics</c>, and records the scaler telemetry (value, latency, activity,
/// errors) under KEDA's metric names. Returns the inputs of the pure poll step and what the decision record shows.
/// </summary>
internal sealed class TriggerQueries(MetricsCache metrics, OperatorMetrics telemetry, TimeProvider time)
{
    public async Task<(List<TriggerPoll> Polls, List<TriggerObservation> Observations)> QueryAsync(
        string key, ScaledObject so, BuiltScalers built, CancellationToken cancellationToken)
    {
        var ns = so.Metadata.NamespaceProperty;
        var name = so.Metadata.Name;
        var polls = new List<TriggerPoll>();
        var observations = new List<TriggerObservation>();
        foreach (var trigger in built.Triggers)
        {
            var scalerLabel = ScalerLabel(trigger.Trigger);
            if (trigger.Scaler is null)
            {
                var error = trigger.Errors.Count > 0 ? string.Join("; ", trigger.Errors) : "scaler could not be built";
                polls.Add(TriggerPoll.Unbuilt(trigger.Index, trigger.Trigger.Type, trigger.Trigger.Name, error));
                observations.Add(new TriggerObservation { Index = trigger.Index, Type = trigger.Trigger.Type, Name = trigger.Trigger.Name, Error = error });
                telemetry.RecordScalerError(ns, name, scalerLabel, trigger.Index, "", failed: true);
                continue;
            }

            var specs = trigger.Scaler.GetMetricSpecs();
            if (specs.All(s => s.External is null))
            {
                polls.Add(TriggerPoll.Resource(trigger.Index, trigger.Trigger.Type));
                continue;
            }

            foreach (var spec in specs)
            {
                if (spec.External?.Metric?.Name is not { } metricName)
                {
                    continue;
                }

                var started = time.GetTimestamp();
                var result = await trigger.Scaler.GetMetricsAndActivityAsync(metricName, cancellationToken).ConfigureAwait(false);
                telemetry.RecordScalerLatency(ns, name, scalerLabel, trigger.Index, metricName, time.GetElapsedTime(started));
                metrics.Store(key, metricName, result);
                polls.Add(new TriggerPoll(trigger.Index, trigger.Trigger.Type, trigger.Trigger.Name, spec, result));
                var value = result.Metrics.Count > 0 ? result.Metrics[0].Value : (double?)null;
                if (value is double reported)
                {
                    telemetry.RecordScalerMetric(ns, name, scalerLabel, trigger.Index, metricName, reported);
                }

                telemetry.RecordScalerActive(ns, name, scalerLabel, trigger.Index, metricName, result.IsSuccess && result.IsActive);
                telemetry.RecordScalerError(ns, name, scalerLabel, trigger.Index, metricName, !result.IsSuccess);
                observations.Add(new TriggerObservation
                {
                    Index = trigger.Index,
                    Type = trigger.Trigger.Type,
                    Name = trigger.Trigger.Name,
                    MetricName = metricName,
                    Value = value,
                    Target = Quantity(spec.External.Target?.AverageValue?.ToString() ?? spec.External.Target?.Value?.ToString()),
                    ActivationThreshold = Activation(trigger.Trigger),
                    IsActive = result.IsSuccess && result.IsActive,
                    Error = result.Error,
                });
            }
        }

        return (polls, observations);
    }

    // KEDA labels scaler series with the trigger's name, else the Go type of the scaler (e.g. prometheusScaler).
    private static string ScalerLabel(ScaleTrigger trigger) => !string.IsNullOrEmpty(trigger.Name) ? trigger.Name : trigger.Type switch
    {
        "azure-servicebus" => "azureServiceBusScaler",
        "apache-kafka" => "apacheKafkaScaler",
        "cpu" or "memory" => "cpuMemoryScaler",
        _ => trigger.Type + "Scaler",
    };

    private static double? Activation(ScaleTrigger trigger) =>
        trigger.Metadata?.GetValueOrDefault("activationThreshold") is { } text
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static double? Quantity(string? text) => KubernetesQuantity.TryParse(text, out var value) ? value : null;
}
