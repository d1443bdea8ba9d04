namespace Operator.Scalers.AzureServiceBus;

/// <summary>Defaults of the azure-servicebus scaler beyond KEDA's metadata defaults.</summary>
internal static class AzureServiceBusDefaults
{
    /// <summary>How often a watched entity's runtime count is read while the loop waits for activity (push activation).</summary>
    public static readonly TimeSpan ActivityPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>The scope of Service Bus tokens for Microsoft Entra workload identity.</summary>
    public const string TokenScope = "https://servicebus.azure.net/.default";
}
