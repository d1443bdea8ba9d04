using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Operator.Scalers.Http;

namespace Operator.Scalers;

/// <summary>Process-wide dependencies a scaler builder may use (clock, HTTP, logging).</summary>
public sealed record ScalerServices
{
    /// <summary>Defaults for offline use (validation, tests): system clock, no logging.</summary>
    public static readonly ScalerServices Default = new();

    private readonly ScalerHttpClients? _http;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>HTTP clients from <see cref="IHttpClientFactory"/>: the host's, or offline a process-wide default.</summary>
    internal ScalerHttpClients Http
    {
        get => _http ?? ScalerHttpClients.Default;
        init => _http = value;
    }

    /// <summary>The Service Bus development emulator's AMQP port for trace-link peeks (null: the emulator's 5672).</summary>
    public int? ServiceBusEmulatorAmqpPort { get; init; }
}
