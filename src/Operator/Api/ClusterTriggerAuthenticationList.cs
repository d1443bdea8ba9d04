namespace Operator.Api;

/// <summary>A list of ClusterTriggerAuthentication objects.</summary>
public sealed class ClusterTriggerAuthenticationList() : KedaResourceList<ClusterTriggerAuthentication>("ClusterTriggerAuthenticationList");
