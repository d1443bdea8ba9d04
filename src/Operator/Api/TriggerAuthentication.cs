namespace Operator.Api;

/// <summary>KEDA's namespaced TriggerAuthentication (short names <c>ta</c>, <c>triggerauth</c>).</summary>
public sealed class TriggerAuthentication() : KedaResource<TriggerAuthenticationSpec, TriggerAuthenticationStatus>(KubeKind)
{
    public const string KubeKind = "TriggerAuthentication";
    public const string KubePlural = "triggerauthentications";
}
