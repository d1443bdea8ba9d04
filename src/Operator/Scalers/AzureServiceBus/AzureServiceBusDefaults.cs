namespace Operator.Scalers.AzureServiceBus;

/// <summary>Defaults of the azure-servicebus scaler beyond KEDA's metadata defaults.</summary>
internal static class AzureServiceBusDefaults
{
    /// <summary>
    /// How often a watched entity's runtime count is read while the loop waits for activity (push activation): one
    /// management GET per interval per watched entity (shared by every ScaledObject on it), only while at zero. At 1 s
    /// the first message waited 500 ms on average for the next read (p50 397 ms, p99 995 ms to /scale, docs/benchmarks.md);
    /// 200 ms keeps activation near 250 ms at five reads a second.
    /// </summary>
    public static readonly TimeSpan ActivityPollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The scope of Service Bus tokens for Microsoft Entra workload identity.</summary>
    public const string TokenScope = "https://servicebus.azure.net/.default";
}
