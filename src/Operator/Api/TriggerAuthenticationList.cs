namespace Operator.Api;

/// <summary>A list of TriggerAuthentication objects.</summary>
public sealed class TriggerAuthenticationList() : KedaResourceList<TriggerAuthentication>("TriggerAuthenticationList");
