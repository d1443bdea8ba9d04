using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Operator.Scalers;

/// <summary>Process-wide dependencies a scaler builder may use (clock, HTTP, logging).</summary>
public sealed record ScalerServices
{
    /// <summary>Defaults for offline use (validation, tests): system clock, no logging.</summary>
    public static readonly ScalerServices Default = new();

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}
