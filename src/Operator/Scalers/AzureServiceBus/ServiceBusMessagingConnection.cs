using System.Globalization;

namespace Operator.Scalers.AzureServiceBus;

/// <summary>
/// The messaging (AMQP) connection string for a trigger's connection. Azure Service Bus serves management and
/// messaging on one endpoint, so it is the same string; the development emulator serves its management API on another
/// port (5300) than AMQP (5672), and a trigger's emulator connection names the management port, so its port is
/// swapped for the emulator's AMQP port.
/// </summary>
internal static class ServiceBusMessagingConnection
{
    public static string For(string connection, int? emulatorAmqpPort)
    {
        var parts = connection.Split(';', StringSplitOptions.RemoveEmptyEntries);
        var isEmulator = parts.Any(p => IsSetting(p, "UseDevelopmentEmulator", out var value) && bool.TryParse(value.Trim(), out var on) && on);
        if (!isEmulator)
        {
            return connection;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (IsSetting(parts[i], "Endpoint", out var endpoint) && Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) && !uri.IsDefaultPort)
            {
                var port = emulatorAmqpPort ?? Telemetry.TraceLinkDefaults.ServiceBusEmulatorAmqpPort;
                parts[i] = string.Create(CultureInfo.InvariantCulture, $"Endpoint={uri.Scheme}://{uri.Host}:{port}");
            }
        }

        return string.Join(';', parts) + ";";
    }

    private static bool IsSetting(string part, string name, out string value)
    {
        var separator = part.IndexOf('=', StringComparison.Ordinal);
        var matches = separator > 0 && part[..separator].Trim().Equals(name, StringComparison.OrdinalIgnoreCase);
        value = matches ? part[(separator + 1)..] : "";
        return matches;
    }
}
