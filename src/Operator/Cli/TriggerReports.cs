using System.Globalization;
using k8s.Models;
using Operator.Api;
using Operator.Scaling;

namespace Operator.Cli;

/// <summary>Builds <see cref="TriggerReport"/>s from the HPA metric specs a built scaler returns.</summary>
internal static class TriggerReports
{
    public static TriggerReport Unbuilt(int index, ScaleTrigger trigger) =>
        new() { Index = index, Type = trigger.Type, Name = NullIfEmpty(trigger.Name) };

    public static TriggerReport FromMetricSpec(int index, ScaleTrigger trigger, V2MetricSpec? spec)
    {
        var report = Unbuilt(index, trigger);
        return spec?.Type switch
        {
            "External" when spec.External is { } external => report with
            {
                MetricName = external.Metric?.Name,
                MetricSource = "External",
                MetricType = external.Target?.Type,
                Target = Target(external.Target),
                ActivationTarget = ActivationTarget(trigger),
            },
            "Resource" when spec.Resource is { } resource => report with
            {
                MetricName = resource.Name,
                MetricSource = "Resource",
                MetricType = resource.Target?.Type,
                Target = Target(resource.Target),
            },
            "ContainerResource" when spec.ContainerResource is { } container => report with
            {
                MetricName = container.Name,
                MetricSource = "ContainerResource",
                Container = container.Container,
                MetricType = container.Target?.Type,
                Target = Target(container.Target),
            },
            _ => report,
        };
    }

    private static string? Target(V2MetricTarget? target) => target?.Type switch
    {
        "Utilization" => target.AverageUtilization?.ToString(CultureInfo.InvariantCulture),
        "Value" => target.Value?.ToString(),
        "AverageValue" => target.AverageValue?.ToString(),
        _ => null,
    };

    /// <summary>
    /// KEDA names every activation threshold <c>activation&lt;TargetKey&gt;</c> (activationThreshold,
    /// activationLagThreshold, activationMessageCount, ...): the first such metadata key, as a quantity; "0" when absent.
    /// </summary>
    private static string ActivationTarget(ScaleTrigger trigger)
    {
        var value = trigger.Metadata
            .Where(p => p.Key.StartsWith("activation", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(p.Value))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Value.Trim())
            .FirstOrDefault();
        return value is null ? "0" : Quantity(value);
    }

    /// <summary>A number as KEDA turns it into a quantity: rounded to 3 decimals, canonical form (5.5 → 5500m).</summary>
    public static string Quantity(string number) =>
        double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? KubernetesQuantity.FromMetricValue(value)
            : number;

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
