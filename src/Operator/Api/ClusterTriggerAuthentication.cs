namespace Operator.Api;

/// <summary>KEDA's cluster-scoped ClusterTriggerAuthentication (short names <c>cta</c>, <c>clustertriggerauth</c>).</summary>
public sealed class ClusterTriggerAuthentication() : KedaResource<TriggerAuthenticationSpec, TriggerAuthenticationStatus>(KubeKind)
{
    public const string KubeKind = "ClusterTriggerAuthentication";
    public const string KubePlural = "clustertriggerauthentications";
}
