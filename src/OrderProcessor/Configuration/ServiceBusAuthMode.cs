namespace OrderProcessor.Configuration;

/// <summary>The original sample's <c>KEDA_SERVICEBUS_AUTH_MODE</c> values ("ServicePrinciple" is its spelling).</summary>
internal enum ServiceBusAuthMode
{
    ConnectionString,
    ServicePrinciple,
    PodIdentity,
    WorkloadIdentity,
}
