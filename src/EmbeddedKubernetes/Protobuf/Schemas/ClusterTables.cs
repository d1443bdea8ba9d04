namespace EmbeddedKubernetes.Protobuf.Schemas;

/// <summary>Message tables (see <see cref="ProtoSchema"/>) for rbac.authorization.k8s.io/v1, policy/v1, coordination.k8s.io/v1 and discovery.k8s.io/v1.</summary>
/// <remarks>Field numbers are the contract published in k8s.io/api and k8s.io/apimachinery generated.proto.</remarks>
internal static class ClusterTables
{
    public const string Rbac = """
        Role: metadata 1 ObjectMeta; rules 2 []PolicyRule;
        RoleBinding: metadata 1 ObjectMeta; subjects 2 []Subject; roleRef 3 RoleRef;
        ClusterRole: metadata 1 ObjectMeta; rules 2 []PolicyRule; aggregationRule 3 AggregationRule?;
        ClusterRoleBinding: metadata 1 ObjectMeta; subjects 2 []Subject; roleRef 3 RoleRef;
        PolicyRule: verbs 1 []string; apiGroups 2 []string; resources 3 []string; resourceNames 4 []string;
            nonResourceURLs 5 []string;
        Subject: kind 1 string; apiGroup 2 string; name 3 string; namespace 4 string;
        RoleRef: apiGroup 1 string; kind 2 string; name 3 string;
        AggregationRule: clusterRoleSelectors 1 []LabelSelector
        """;

    public const string Policy = """
        PodDisruptionBudget: metadata 1 ObjectMeta; spec 2 PodDisruptionBudgetSpec; status 3 PodDisruptionBudgetStatus;
        PodDisruptionBudgetSpec: minAvailable 1 IntOrString?; selector 2 LabelSelector?; maxUnavailable 3 IntOrString?;
            unhealthyPodEvictionPolicy 4 string?;
        PodDisruptionBudgetStatus: observedGeneration 1 int64; disruptedPods 2 map[Time]; disruptionsAllowed 3 int32;
            currentHealthy 4 int32; desiredHealthy 5 int32; expectedPods 6 int32; conditions 7 []Condition
        """;

    public const string Coordination = """
        Lease: metadata 1 ObjectMeta; spec 2 LeaseSpec;
        LeaseSpec: holderIdentity 1 string?; leaseDurationSeconds 2 int32?; acquireTime 3 MicroTime?;
            renewTime 4 MicroTime?; leaseTransitions 5 int32?; strategy 6 string?; preferredHolder 7 string?
        """;

    public const string Discovery = """
        EndpointSlice: metadata 1 ObjectMeta; addressType 4 string; endpoints 2 []Endpoint; ports 3 []EndpointPort;
        Endpoint: addresses 1 []string; conditions 2 EndpointConditions; hostname 3 string?;
            targetRef 4 ObjectReference?; deprecatedTopology 5 map[string]; nodeName 6 string?; zone 7 string?;
            hints 8 EndpointHints?;
        EndpointConditions: ready 1 bool?; serving 2 bool?; terminating 3 bool?;
        EndpointHints: forZones 1 []ForZone; forNodes 2 []ForNode;
        EndpointPort: name 1 string?; protocol 2 string?; port 3 int32?; appProtocol 4 string?;
        ForZone: name 1 string;
        ForNode: name 1 string
        """;
}
