namespace EmbeddedKubernetes.Resources;

/// <summary>The built-in resources this control plane serves, with kube-apiserver's discovery facts.</summary>
internal static class BuiltInResources
{
    private static readonly ScaleSubresource WorkloadScale = new(".spec.replicas", ".status.replicas", ".status.selector");

    public static IReadOnlyList<ResourceType> All { get; } =
    [
        Core("namespaces", "namespace", "Namespace", false, ["ns"], hasStatus: true),
        Core("pods", "pod", "Pod", true, ["po"], ["all"], hasStatus: true),
        Core("services", "service", "Service", true, ["svc"], ["all"], hasStatus: true),
        Core("endpoints", "endpoints", "Endpoints", true, ["ep"]),
        Core("secrets", "secret", "Secret", true),
        Core("configmaps", "configmap", "ConfigMap", true, ["cm"]),
        Core("events", "event", "Event", true, ["ev"]),
        Core("serviceaccounts", "serviceaccount", "ServiceAccount", true, ["sa"]),
        Core("limitranges", "limitrange", "LimitRange", true, ["limits"]),
        Core("nodes", "node", "Node", false, ["no"], hasStatus: true),
        Group("apps", "v1", "deployments", "deployment", "Deployment", true, ["deploy"], ["all"], WorkloadScale),
        Group("apps", "v1", "statefulsets", "statefulset", "StatefulSet", true, ["sts"], ["all"], WorkloadScale),
        Group("apps", "v1", "replicasets", "replicaset", "ReplicaSet", true, ["rs"], ["all"], WorkloadScale),
        Group("batch", "v1", "jobs", "job", "Job", true, [], ["all"], hasStatus: true),
        Group("batch", "v1", "cronjobs", "cronjob", "CronJob", true, ["cj"], ["all"], hasStatus: true),
        Group("autoscaling", "v2", "horizontalpodautoscalers", "horizontalpodautoscaler", "HorizontalPodAutoscaler", true, ["hpa"], ["all"], hasStatus: true),

        // kubectl autoscale posts autoscaling/v1; it is converted to the stored v2 shape (VersionConversion).
        Group("autoscaling", "v1", "horizontalpodautoscalers", "horizontalpodautoscaler", "HorizontalPodAutoscaler", true, ["hpa"], ["all"], hasStatus: true) with { Storage = false },
        Group("policy", "v1", "poddisruptionbudgets", "poddisruptionbudget", "PodDisruptionBudget", true, ["pdb"], hasStatus: true),
        Group("rbac.authorization.k8s.io", "v1", "roles", "role", "Role", true),
        Group("rbac.authorization.k8s.io", "v1", "rolebindings", "rolebinding", "RoleBinding", true),
        Group("rbac.authorization.k8s.io", "v1", "clusterroles", "clusterrole", "ClusterRole", false),
        Group("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "clusterrolebinding", "ClusterRoleBinding", false),
        Group("coordination.k8s.io", "v1", "leases", "lease", "Lease", true, [], allowCreateOnUpdate: true),
        Group("discovery.k8s.io", "v1", "endpointslices", "endpointslice", "EndpointSlice", true),
        Group("apiextensions.k8s.io", "v1", "customresourcedefinitions", "customresourcedefinition", "CustomResourceDefinition", false, ["crd", "crds"], ["api-extensions"], hasStatus: true),
        Group("apiregistration.k8s.io", "v1", "apiservices", "apiservice", "APIService", false, [], ["api-extensions"], hasStatus: true),
    ];

    private static ResourceType Core(
        string plural, string singular, string kind, bool namespaced, string[]? shortNames = null, string[]? categories = null, bool hasStatus = false) =>
        Group("", "v1", plural, singular, kind, namespaced, shortNames ?? [], categories ?? [], hasStatus: hasStatus);

    private static ResourceType Group(
        string group, string version, string plural, string singular, string kind, bool namespaced,
        string[]? shortNames = null, string[]? categories = null, ScaleSubresource? scale = null, bool hasStatus = false,
        bool allowCreateOnUpdate = false) =>
        new()
        {
            Group = group,
            Version = version,
            Plural = plural,
            Singular = singular,
            Kind = kind,
            Namespaced = namespaced,
            ShortNames = shortNames ?? [],
            Categories = categories ?? [],
            HasStatus = hasStatus || scale is not null,
            Scale = scale,
            AllowCreateOnUpdate = allowCreateOnUpdate,
        };
}
