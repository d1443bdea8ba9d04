namespace Operator.Scalers.AzureServiceBus;

/// <summary>
/// KEDA's <c>azure.ParseEnvironmentProperty</c> for the Service Bus endpoint suffix: <c>cloud</c> (case-insensitive)
/// picks a known cloud, <c>Private</c> requires <c>endpointSuffix</c>, absent means the public cloud.
/// </summary>
public static class AzureCloud
{
    public const string PrivateCloud = "Private";
    public const string EndpointSuffixKey = "endpointSuffix";

    private static readonly Dictionary<string, string> ServiceBusSuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AzurePublicCloud"] = "servicebus.windows.net",
        ["AzureChinaCloud"] = "servicebus.chinacloudapi.cn",
        ["AzureUSGovernmentCloud"] = "servicebus.usgovcloudapi.net",
        ["AzureGermanCloud"] = "servicebus.cloudapi.de",
    };

    public static (string? Suffix, string? Error) ServiceBusEndpointSuffix(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (!metadata.TryGetValue("cloud", out var cloud) || cloud.Length == 0)
        {
            return (ServiceBusSuffixes["AzurePublicCloud"], null);
        }

        if (string.Equals(cloud, PrivateCloud, StringComparison.OrdinalIgnoreCase))
        {
            return metadata.TryGetValue(EndpointSuffixKey, out var suffix) && suffix.Length > 0
                ? (suffix, null)
                : (null, $"{EndpointSuffixKey} must be provided for {PrivateCloud} cloud type");
        }

        return ServiceBusSuffixes.TryGetValue(cloud, out var known)
            ? (known, null)
            : (null, $"invalid cloud environment {cloud}");
    }
}
