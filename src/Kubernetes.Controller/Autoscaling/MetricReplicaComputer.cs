using k8s.Models;
using Kubernetes.Controller.Selectors;

namespace Kubernetes.Controller.Autoscaling;

/// <summary>The replica count the metrics ask for, or why none could be computed.</summary>
internal sealed record MetricsOutcome(
    int Replicas, string MetricName, List<V2MetricStatus> Statuses, string? Error,
    string? InvalidReason = null, string? InvalidMessage = null);

/// <summary>
/// computeReplicasForMetrics/computeReplicasForMetric of horizontal.go: one proposal per metric, the highest wins;
/// invalid metrics block the decision when all are invalid or when the valid ones would scale down.
/// </summary>
internal static class MetricReplicaComputer
{
    public static async Task<MetricsOutcome> ComputeAsync(
        V2HorizontalPodAutoscaler hpa, ScaleSnapshot scale, ReplicaCalculator calculator, IHpaMetricsSource source,
        List<HpaEvent> events, CancellationToken cancellationToken)
    {
        var ns = hpa.Metadata.NamespaceProperty ?? "default";
        var specs = hpa.Spec.Metrics is { Count: > 0 } listed ? listed : [DefaultCpuMetric()];
        var statuses = new List<V2MetricStatus>();
        int replicas = 0, invalid = 0;
        string metricName = "", firstError = "", invalidReason = "", invalidMessage = "";
        var podsCache = default(MetricsResult<IReadOnlyList<HpaPod>>?);

        async Task<MetricsResult<IReadOnlyList<HpaPod>>> Pods()
        {
            podsCache ??= await source.ListPodsAsync(ns, scale.Selector!, cancellationToken).ConfigureAwait(false);
            return podsCache.Value;
        }

        foreach (var spec in specs)
        {
            var (proposal, name, status, reason) = await ComputeOneAsync(spec, hpa, ns, scale, calculator, source, Pods, cancellationToken)
                .ConfigureAwait(false);
            if (!proposal.Succeeded)
            {
                var message = $"the HPA was unable to compute the replica count: {proposal.Error}";
                events.Add(HpaEvent.Warning(reason, proposal.Error!));
                if (invalid == 0)
                {
                    firstError = proposal.Error!;
                    invalidReason = reason;
                    invalidMessage = message;
                }

                invalid++;
                continue;
            }

            statuses.Add(status!);
            if (replicas == 0 || proposal.Replicas > replicas)
            {
                replicas = proposal.Replicas;
                metricName = name;
            }
        }

        if (invalid >= specs.Count || (invalid > 0 && replicas < scale.SpecReplicas))
        {
            return new MetricsOutcome(-1, "", statuses,
                $"invalid metrics ({invalid} invalid out of {specs.Count}), first error is: {firstError}", invalidReason, invalidMessage);
        }

        return new MetricsOutcome(replicas, metricName, statuses, null);
    }

    private static async Task<(ReplicaProposal Proposal, string Name, V2MetricStatus? Status, string Reason)> ComputeOneAsync(
        V2MetricSpec spec, V2HorizontalPodAutoscaler hpa, string ns, ScaleSnapshot scale, ReplicaCalculator calculator,
        IHpaMetricsSource source, Func<Task<MetricsResult<IReadOnlyList<HpaPod>>>> pods, CancellationToken cancellationToken)
    {
        switch (spec.Type)
        {
            case "External" when spec.External is not null:
                return await ExternalAsync(spec.External, ns, scale, calculator, source, pods, cancellationToken).ConfigureAwait(false);
            case "Resource" when spec.Resource is not null:
                return await ResourceAsync(spec.Resource.Name, spec.Resource.Target, null, ns, scale, calculator, source, pods, cancellationToken)
                    .ConfigureAwait(false);
            case "ContainerResource" when spec.ContainerResource is not null:
                return await ResourceAsync(spec.ContainerResource.Name, spec.ContainerResource.Target, spec.ContainerResource.Container, ns, scale,
                    calculator, source, pods, cancellationToken).ConfigureAwait(false);
            case "Pods":
                return (ReplicaProposal.Failure("the custom metrics API (custom.metrics.k8s.io) is not served by this control plane"),
                    "", null, "FailedGetPodsMetric");
            case "Object":
                return (ReplicaProposal.Failure("the custom metrics API (custom.metrics.k8s.io) is not served by this control plane"),
                    "", null, "FailedGetObjectMetric");
            default:
                return (ReplicaProposal.Failure($"unknown metric source type \"{spec.Type}\""), "", null, "InvalidMetricSourceType");
        }
    }

    private static async Task<(ReplicaProposal, string, V2MetricStatus?, string)> ExternalAsync(
        V2ExternalMetricSource external, string ns, ScaleSnapshot scale, ReplicaCalculator calculator,
        IHpaMetricsSource source, Func<Task<MetricsResult<IReadOnlyList<HpaPod>>>> pods, CancellationToken cancellationToken)
    {
        const string reason = "FailedGetExternalMetric";
        var metric = external.Metric;
        var name = $"external metric {metric.Name}({LabelSelector.ToGoString(metric.Selector)})";
        var target = external.Target;
        if (target.AverageValue is null && target.Value is null)
        {
            return (ReplicaProposal.Failure("invalid external metric source: neither a value target nor an average value target was set"),
                name, null, reason);
        }

        var values = await source.GetExternalMetricAsync(ns, metric.Name, LabelSelector.ToQuery(metric.Selector), cancellationToken)
            .ConfigureAwait(false);
        if (values.Error is not null)
        {
            var context = target.AverageValue is not null
                ? $"failed to get {metric.Name} external metric: "
                : $"failed to get external metric {metric.Name}: ";
            return (ReplicaProposal.Failure($"{context}unable to get external metric {ns}/{metric.Name}/{LabelSelector.ToGoString(metric.Selector)}: {values.Error}"),
                name, null, reason);
        }

        ReplicaProposal proposal;
        V2MetricValueStatus current;
        if (target.AverageValue is not null)
        {
            proposal = calculator.ExternalAverageValue(scale.StatusReplicas, Quantities.ToMilli(target.AverageValue), values.Value!);
            current = new V2MetricValueStatus { AverageValue = Quantities.FromMilli(proposal.MilliValue) };
        }
        else
        {
            var podList = scale.SpecReplicas == 0 ? MetricsResult.Ok<IReadOnlyList<HpaPod>>([]) : await pods().ConfigureAwait(false);
            if (podList.Error is not null)
            {
                return (ReplicaProposal.Failure($"failed to get external metric {metric.Name}: unable to get pods: {podList.Error}"), name, null, reason);
            }

            proposal = calculator.ExternalValue(scale.SpecReplicas, Quantities.ToMilli(target.Value!), values.Value!, podList.Value!);
            current = new V2MetricValueStatus { Value = Quantities.FromMilli(proposal.MilliValue) };
        }

        if (!proposal.Succeeded)
        {
            return (proposal with { Error = $"failed to get external metric {metric.Name}: {proposal.Error}" }, name, null, reason);
        }

        var status = new V2MetricStatus
        {
            Type = "External",
            External = new V2ExternalMetricStatus { Metric = new V2MetricIdentifier { Name = metric.Name, Selector = metric.Selector }, Current = current },
        };
        return (proposal, name, status, reason);
    }

    // Resource, or ContainerResource when a container is named (upstream computeStatusForResourceMetric/...ContainerResourceMetric).
    private static async Task<(ReplicaProposal, string, V2MetricStatus?, string)> ResourceAsync(
        string resourceName, V2MetricTarget target, string? container, string ns, ScaleSnapshot scale, ReplicaCalculator calculator,
        IHpaMetricsSource source, Func<Task<MetricsResult<IReadOnlyList<HpaPod>>>> pods, CancellationToken cancellationToken)
    {
        var reason = container is null ? "FailedGetResourceMetric" : "FailedGetContainerResourceMetric";
        var kind = container is null ? "resource" : "container resource";
        if (target.AverageValue is null && target.AverageUtilization is null)
        {
            return (ReplicaProposal.Failure("invalid resource metric source: neither a utilization target nor a value target was set"),
                "", null, reason);
        }

        var metrics = await source.GetResourceMetricsAsync(ns, resourceName, scale.Selector!, container, cancellationToken).ConfigureAwait(false);
        if (metrics.Error is not null)
        {
            return (ReplicaProposal.Failure($"failed to get {resourceName} utilization: unable to get metrics for resource {resourceName}: {metrics.Error}"),
                "", null, reason);
        }

        var podList = await pods().ConfigureAwait(false);
        if (podList.Error is not null)
        {
            return (ReplicaProposal.Failure($"failed to get {resourceName} utilization: unable to get pods while calculating replica count: {podList.Error}"),
                "", null, reason);
        }

        ReplicaProposal proposal;
        string name;
        V2MetricValueStatus current;
        if (target.AverageValue is not null)
        {
            proposal = calculator.PlainMetric(scale.SpecReplicas, Quantities.ToMilli(target.AverageValue), resourceName, podList.Value!, metrics.Value!);
            name = $"{resourceName} {kind}";
            current = new V2MetricValueStatus { AverageValue = Quantities.FromMilli(proposal.MilliValue) };
        }
        else
        {
            proposal = calculator.ResourceUtilization(scale.SpecReplicas, target.AverageUtilization!.Value, resourceName, podList.Value!, metrics.Value!, container);
            name = $"{resourceName} {kind} utilization (percentage of request)";
            current = new V2MetricValueStatus { AverageUtilization = proposal.Utilization, AverageValue = Quantities.FromMilli(proposal.MilliValue) };
        }

        if (!proposal.Succeeded)
        {
            return (proposal with { Error = $"failed to get {resourceName} utilization: {proposal.Error}" }, name, null, reason);
        }

        var status = container is null
            ? new V2MetricStatus { Type = "Resource", Resource = new V2ResourceMetricStatus { Name = resourceName, Current = current } }
            : new V2MetricStatus
            {
                Type = "ContainerResource",
                ContainerResource = new V2ContainerResourceMetricStatus { Name = resourceName, Container = container, Current = current },
            };
        return (proposal, name, status, reason);
    }

    private static V2MetricSpec DefaultCpuMetric() => new()
    {
        Type = "Resource",
        Resource = new V2ResourceMetricSource
        {
            Name = "cpu",
            Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = HpaDefaults.CpuUtilization },
        },
    };
}
