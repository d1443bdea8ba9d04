using Operator.Scalers.Config;

namespace Operator.Scalers.CpuMemory;

/// <summary>Metadata of the <c>cpu</c> and <c>memory</c> triggers (KEDA's <c>cpuMemoryMetadata</c>).</summary>
public sealed class CpuMemoryMetadata
{
    [Keda("name=type, order=triggerMetadata, enum=Utilization;AverageValue, optional, deprecated=The 'type' setting is DEPRECATED and is removed in v2.18 - Use 'metricType' instead.")]
    public string Type { get; set; } = "";

    [Keda("name=value, order=triggerMetadata")]
    public string Value { get; set; } = "";

    [Keda("name=containerName, order=triggerMetadata, optional")]
    public string ContainerName { get; set; } = "";
}
