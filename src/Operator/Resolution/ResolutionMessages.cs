namespace Operator.Resolution;

/// <summary>Messages for objects that are referenced but absent, worded like the Kubernetes/KEDA errors.</summary>
internal static class ResolutionMessages
{
    public static string NotFound(string resource, string name) => $"{resource} \"{name}\" not found";

    public static string InNamespace(string? ns) => ns is null ? "" : $" in namespace \"{ns}\"";

    /// <summary>
    /// An absent reference: KEDA's error (<paramref name="kedaPrefix"/> + not found) when the objects at hand are the
    /// whole cluster, else a warning that it was not checked — KEDA's webhook admits such objects and its controller
    /// reports them later, so a partial input is not invalid for what it does not contain.
    /// </summary>
    public static (string? Error, string? Warning) Absent(IObjectsAtHand objects, string kedaPrefix, string resource, string name, string? ns) =>
        objects.AbsentMeansMissing
            ? (kedaPrefix + NotFound(resource, name) + InNamespace(ns), null)
            : (null, NotInInput(resource, name, ns));

    public static string NotInInput(string resource, string name, string? ns) =>
        $"{resource} \"{name}\"{InNamespace(ns)} is not in the input: not checked (KEDA admits the object and reports it only once the cluster lacks it; validate --kubeconfig checks a cluster)";

    /// <summary>Offline, a scale target kind neither built in nor defined by a CRD of the input: its plural is lower-case kind + "s".</summary>
    public static string GuessedResource(string gvk, string resource) =>
        $"scale target kind {gvk} is neither built in nor defined by a CustomResourceDefinition in the input: its resource \"{resource}\" is a guess, not checked (KEDA maps the kind through the cluster's API discovery; validate --kubeconfig checks a cluster)";
}
