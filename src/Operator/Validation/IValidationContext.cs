using k8s.Models;
using Operator.Api;

namespace Operator.Validation;

/// <summary>
/// The "objects at hand" KEDA's admission webhook reads from its cache: other ScaledObjects and HPAs in the
/// namespace, the scale target's pod template, LimitRanges, and the RESTMapper. The controller supplies a
/// cluster-backed view; the offline <c>validate</c> command supplies the manifests it was given.
/// </summary>
public interface IValidationContext
{
    IEnumerable<ScaledObject> GetScaledObjects(string @namespace);

    IEnumerable<V2HorizontalPodAutoscaler> GetHorizontalPodAutoscalers(string @namespace);

    IEnumerable<V1LimitRange> GetLimitRanges(string @namespace);

    /// <summary>Looks up a Deployment (<c>apps/v1.Deployment</c>) or StatefulSet (<c>apps/v1.StatefulSet</c>).</summary>
    WorkloadLookup GetWorkload(string @namespace, string gvkString, string name);

    /// <summary>The RESTMapper: plural resource of a kind, or null when the kind is not served.</summary>
    string? ResolveResource(string group, string version, string kind);
}
