using k8s.Models;
using Operator.Api;
using Operator.Resolution;

namespace Operator.Validation;

/// <summary>
/// KEDA's <c>verifyCPUMemoryScalers</c>: cpu/memory triggers need a request or limit for that resource on every
/// (or the named) container, at pod level, or as a namespace LimitRange container default; and they cannot
/// scale to zero on their own.
/// </summary>
public static class CpuMemoryRules
{
    public static string? Verify(ScaledObject scaledObject, IObjectsAtHand context)
    {
        ArgumentNullException.ThrowIfNull(scaledObject);
        ArgumentNullException.ThrowIfNull(context);
        V1PodSpec? podSpec = null;
        foreach (var trigger in scaledObject.Spec.Triggers.Where(TriggerRules.IsResourceTrigger))
        {
            if (podSpec is null)
            {
                if (!ScaledObjectValidator.TryParseTarget(scaledObject, context, out var gvkr, out var error))
                {
                    return error;
                }

                var target = scaledObject.Spec.ScaleTargetRef;

                var gvk = gvkr.GvkString();
                if (gvk is not ("apps/v1.Deployment" or "apps/v1.StatefulSet"))
                {
                    // KEDA checks only Deployments and StatefulSets, and then skips the scale-to-zero check too.
                    return null;
                }

                switch (context.GetWorkload(ScaledObjectValidator.Namespace(scaledObject), gvk, target.Name))
                {
                    case WorkloadLookup.Found found:
                        podSpec = found.PodSpec;
                        break;
                    case WorkloadLookup.NotFound:
                        return $"{gvkr.Resource}.{gvkr.Group} \"{target.Name}\" not found";
                    default:
                        return null;
                }
            }

            var containerError = CheckContainers(scaledObject, trigger, podSpec, context);
            if (containerError is not null)
            {
                return containerError;
            }

            var onlyResourceTriggers = scaledObject.Spec.Triggers.All(TriggerRules.IsResourceTrigger);
            if (onlyResourceTriggers && (scaledObject.Spec.MinReplicaCount ?? 0) == 0)
            {
                return "scaledobject has only cpu/memory triggers AND minReplica is 0 (scale to zero doesn't work in this case)";
            }
        }

        return null;
    }

    private static string? CheckContainers(ScaledObject scaledObject, ScaleTrigger trigger, V1PodSpec podSpec, IObjectsAtHand context)
    {
        var resource = trigger.Type;
        trigger.Metadata.TryGetValue("containerName", out var containerName);
        var hasContainerName = !string.IsNullOrEmpty(containerName);

        // Pod-level requests (KEP-2837) are the HPA's denominator for Resource metrics, not for ContainerResource ones.
        if (!hasContainerName && IsResourceSet(podSpec.Resources, resource))
        {
            return null;
        }

        foreach (var container in podSpec.Containers ?? [])
        {
            if (hasContainerName && container.Name != containerName)
            {
                continue;
            }

            if (!IsResourceSet(container.Resources, resource) && !IsLimitRangeDefaultSet(scaledObject, resource, context))
            {
                return $"the scaledobject has a {resource} trigger but the container {container.Name} doesn't have the {resource} request defined";
            }
        }

        return null;
    }

    private static bool IsResourceSet(V1ResourceRequirements? requirements, string resource) =>
        IsPositive(requirements?.Requests, resource) || IsPositive(requirements?.Limits, resource);

    private static bool IsLimitRangeDefaultSet(ScaledObject scaledObject, string resource, IObjectsAtHand context) =>
        context.GetLimitRanges(ScaledObjectValidator.Namespace(scaledObject))
            .SelectMany(l => l.Spec?.Limits ?? [])
            .Any(item => item.Type == "Container"
                         && (IsPositive(item.DefaultRequest, resource) || IsPositive(item.DefaultProperty, resource)));

    private static bool IsPositive(IDictionary<string, ResourceQuantity>? quantities, string resource)
    {
        if (quantities is null || !quantities.TryGetValue(resource, out var quantity) || quantity is null)
        {
            return false;
        }

        try
        {
            return quantity.ToDecimal() > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
