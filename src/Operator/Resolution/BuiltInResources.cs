namespace Operator.Resolution;

/// <summary>The plural resources of the built-in kinds a ScaledObject may target (the RESTMapper's answer offline).</summary>
internal static class BuiltInResources
{
    private static readonly Dictionary<(string Group, string Kind), string> Plurals = new()
    {
        [("apps", "Deployment")] = "deployments",
        [("apps", "StatefulSet")] = "statefulsets",
        [("apps", "ReplicaSet")] = "replicasets",
        [("apps", "DaemonSet")] = "daemonsets",
        [("", "ReplicationController")] = "replicationcontrollers",
        [("", "Pod")] = "pods",
        [("batch", "Job")] = "jobs",
    };

    public static string? Find(string group, string kind) => Plurals.GetValueOrDefault((group, kind));

    /// <summary>A guess for kinds from CRDs not at hand: lower-case kind + "s".</summary>
    public static string Guess(string kind) => kind.ToLowerInvariant() + "s";
}
