namespace Operator.Manifests;

/// <summary>The kinds <c>validate</c> reads, with the apiVersions it accepts for each.</summary>
internal static class ManifestKinds
{
    public const string KedaApiVersion = "keda.sh/v1alpha1";
    public const string ScaledObject = "ScaledObject";
    public const string ScaledJob = "ScaledJob";
    public const string TriggerAuthentication = "TriggerAuthentication";
    public const string ClusterTriggerAuthentication = "ClusterTriggerAuthentication";
    public const string Secret = "Secret";
    public const string ConfigMap = "ConfigMap";
    public const string LimitRange = "LimitRange";
    public const string Deployment = "Deployment";
    public const string StatefulSet = "StatefulSet";
    public const string HorizontalPodAutoscaler = "HorizontalPodAutoscaler";
    public const string List = "List";
    public const string CustomResourceDefinitionApiVersion = "apiextensions.k8s.io/v1";
    public const string CustomResourceDefinition = "CustomResourceDefinition";

    /// <summary>Namespace of objects that do not name one (kubectl's default).</summary>
    public const string DefaultNamespace = "default";

    /// <summary>KEDA's cluster object namespace (<c>KEDA_CLUSTER_OBJECT_NAMESPACE</c>), where ClusterTriggerAuthentication secrets live.</summary>
    public const string DefaultClusterObjectNamespace = "keda";
}
