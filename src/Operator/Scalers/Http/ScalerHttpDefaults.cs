namespace Operator.Scalers.Http;

/// <summary>Constants of the scalers' HTTP clients (<see cref="ScalerHttpServiceCollectionExtensions.AddScalerHttpClients"/>).</summary>
internal static class ScalerHttpDefaults
{
    /// <summary>Prefix of every scaler client name; the rest names the TLS configuration (<see cref="ScalerTlsSettings.ClientName"/>).</summary>
    public const string ClientNamePrefix = "keda-scaler-";

    /// <summary>Name of the resilience pipeline every scaler client sends through.</summary>
    public const string PipelineName = "keda-scaler";

    /// <summary>
    /// Retries after a failed connect (refused, reset, unreachable): one. Nothing else is retried: an HTTP error status,
    /// a timeout or a TLS failure is the poll's error, as in KEDA, so fallback counts it.
    /// </summary>
    public const int ConnectRetries = 1;

    /// <summary>Wait before the connect retry; the scaler's timeout still bounds the whole call.</summary>
    public static readonly TimeSpan ConnectRetryDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a pooled connection lives before DNS is re-resolved.</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a TLS configuration no scaler uses stays registered (a rotated CA or client certificate is a new
    /// configuration). Longer than the factory's handler lifetime (2 minutes unless a host sets another), so the
    /// factory has let go of its handler first.
    /// </summary>
    public static readonly TimeSpan UnusedTlsLifetime = TimeSpan.FromMinutes(10);
}
