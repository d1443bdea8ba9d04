using Microsoft.Extensions.Logging;

namespace Operator.Adapter;

internal static partial class AdapterLog
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Registered APIService {ApiService} -> https://{Address}:{Port}")]
    public static partial void Registered(ILogger logger, string apiService, string address, int port);

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "Registering APIService {ApiService} failed, retrying: {Message}")]
    public static partial void RegistrationFailed(ILogger logger, string apiService, string message);
}
