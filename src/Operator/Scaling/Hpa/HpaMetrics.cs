using k8s.Models;
using Operator.Api;
using Operator.Scaling.Modifiers;

namespace Operator.Scaling.Hpa;

/// <summary>
/// KEDA's <c>getScaledObjectMetricSpecs</c>: concatenates the triggers' specs, labels External metrics with the
/// ScaledObject name, rejects duplicates, sorts by type and applies the scalingModifiers composite metric.
/// </summary>
internal static class HpaMetrics
{
    /// <summary>
    /// The HPA metric list and derived status fields (no HPA yet), or KEDA's error.
    /// </summary>
    public static HpaGenerationResult Collect(ScaledObject so, IReadOnlyList<IReadOnlyList<V2MetricSpec>?> perTriggerSpecs)
    {
        var specs = perTriggerSpecs.SelectMany(s => s ?? []).ToList();
        if (specs.Count == 0)
        {
            return HpaGenerationResult.Failure(
                $"no metric specs returned from scalers for ScaledObject {so.Metadata.NamespaceProperty}/{so.Metadata.Name}");
        }

        var external = new List<string>();
        var resource = new List<string>();
        var metrics = new List<V2MetricSpec>(specs.Count);
        foreach (var spec in specs)
        {
            if (spec.Resource is not null)
            {
                resource.Add(spec.Resource.Name);
            }

            if (spec.External is null)
            {
                metrics.Add(spec);
                continue;
            }

            var name = spec.External.Metric.Name;
            if (external.Contains(name))
            {
                return HpaGenerationResult.Failure($"metricName {name} defined multiple times in ScaledObject {so.Metadata.Name}");
            }

            external.Add(name);
            metrics.Add(WithSelector(spec, so.Metadata.Name));
        }

        // KEDA uses sort.Slice by type; Go sorts short slices by insertion, so trigger order survives within a type.
        metrics = [.. metrics.OrderBy(m => m.Type ?? "", StringComparer.Ordinal)];

        var health = so.Status?.Health?.Where(h => external.Contains(h.Key)).ToDictionary(h => h.Key, h => h.Value) ?? [];
        string? composite = null;
        if (so.IsUsingModifiers())
        {
            var modifiers = so.Spec.Advanced!.ScalingModifiers!;
            var target = GoFloat.TryParse(modifiers.Target ?? "", out var parsed, out _) ? parsed : 0;
            var metricType = string.IsNullOrEmpty(modifiers.MetricType) ? "AverageValue" : modifiers.MetricType;
            if (metricType == "Utilization")
            {
                return HpaGenerationResult.Failure("error metric target type is Utilization, but it needs to be AverageValue or Value for external metrics");
            }

            if (target > 0)
            {
                composite = ScaledObjectDefaults.CompositeMetricName;
                metrics = [.. metrics.Where(m => m.Resource is not null), CompositeSpec(so.Metadata.Name, metricType, target)];
            }
        }

        return new HpaGenerationResult
        {
            Metrics = metrics,
            ExternalMetricNames = external,
            ResourceMetricNames = resource,
            CompositeScalerName = composite,
            Health = health,
        };
    }

    private static V2MetricSpec WithSelector(V2MetricSpec spec, string scaledObjectName) => new()
    {
        Type = spec.Type,
        External = new V2ExternalMetricSource
        {
            Metric = new V2MetricIdentifier
            {
                Name = spec.External.Metric.Name,
                Selector = Selector(scaledObjectName),
            },
            Target = spec.External.Target,
        },
    };

    private static V2MetricSpec CompositeSpec(string scaledObjectName, string metricType, double target)
    {
        var quantity = new ResourceQuantity(KubernetesQuantity.FromMilliTruncated(target * 1000));
        return new V2MetricSpec
        {
            Type = "External",
            External = new V2ExternalMetricSource
            {
                Metric = new V2MetricIdentifier
                {
                    Name = ScaledObjectDefaults.CompositeMetricName,
                    Selector = Selector(scaledObjectName),
                },
                Target = metricType == "Value"
                    ? new V2MetricTarget { Type = metricType, Value = quantity }
                    : new V2MetricTarget { Type = metricType, AverageValue = quantity },
            },
        };
    }

    // The adapter finds the ScaledObject of an HPA request through this label selector.
    private static V1LabelSelector Selector(string scaledObjectName) => new()
    {
        MatchLabels = new Dictionary<string, string> { [ScaledObjectAnnotations.ScaledObjectNameLabel] = scaledObjectName },
    };
}
