using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Operator.Scalers;

/// <summary>Process-wide dependencies a scaler builder may use (clock, HTTP, logging).</summary>
public sealed record ScalerServices
{
    /// <summary>Defaults for offline use (validation, tests): system clock, no HTTP factory, no logging.</summary>
    public static readonly ScalerServices Default = new();

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Factory for pooled HTTP clients; null when the caller never queries sources (offline validation).</summary>
    public IHttpClientFactory? HttpClientFactory { get; init; }

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}
