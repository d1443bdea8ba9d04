using Operator.Api;
using Operator.Manifests;

namespace Operator.Resolution;

/// <summary>Finds the workload a ScaledObject/ScaledJob scales, like KEDA's <c>ResolveScaleTargetPodSpec</c>.</summary>
internal static class ScaleTargetResolver
{
    public static ScaleTargetResolution Resolve(IObjectsAtHand set, ScaledObject scaledObject)
    {
        var target = scaledObject.Spec.ScaleTargetRef ?? new ScaleTarget();
        var ns = scaledObject.Metadata.NamespaceProperty;
        var apiVersion = string.IsNullOrEmpty(target.ApiVersion) ? "apps/v1" : target.ApiVersion;
        var kind = string.IsNullOrEmpty(target.Kind) ? ManifestKinds.Deployment : target.Kind;
        var gvk = $"{apiVersion}.{kind}";
        if (string.IsNullOrEmpty(target.Name))
        {
            return new(gvk, null, null, "ScaledObject.spec.scaleTargetRef.name is missing", null);
        }

        var isApps = apiVersion.StartsWith("apps/", StringComparison.Ordinal);
        switch (kind)
        {
            case ManifestKinds.Deployment when isApps:
                var deployment = set.FindDeployment(ns, target.Name);
                return deployment is null
                    ? Missing(set, gvk, "deployments.apps", target.Name, ns)
                    : new(gvk, deployment.Spec?.Template?.Spec, target.EnvSourceContainerName, null, null);
            case ManifestKinds.StatefulSet when isApps:
                var statefulSet = set.FindStatefulSet(ns, target.Name);
                return statefulSet is null
                    ? Missing(set, gvk, "statefulsets.apps", target.Name, ns)
                    : new(gvk, statefulSet.Spec?.Template?.Spec, target.EnvSourceContainerName, null, null);
            default:
                var unread = set.AbsentMeansMissing
                    ? ": its pod template is not read (only apps/v1 Deployment and StatefulSet are)"
                    : " is not checked offline (only apps/v1 Deployment and StatefulSet are read)";
                return new(gvk, null, null, null,
                    $"scale target {gvk} \"{target.Name}\"{unread}; *FromEnv and env-based authentication resolve to nothing");
        }
    }

    public static ScaleTargetResolution Resolve(ScaledJob scaledJob)
    {
        var podSpec = scaledJob.Spec.JobTargetRef?.Template?.Spec;
        return podSpec is null
            ? new("batch/v1.Job", null, null, "ScaledJob.spec.jobTargetRef.template.spec is missing", null)
            : new("batch/v1.Job", podSpec, scaledJob.Spec.EnvSourceContainerName, null, null);
    }

    private static ScaleTargetResolution Missing(IObjectsAtHand set, string gvk, string resource, string name, string ns)
    {
        var (error, warning) = ResolutionMessages.Absent(set, "Target resource doesn't exist: ", resource, name, ns);
        return new(gvk, null, null, error, warning);
    }
}
