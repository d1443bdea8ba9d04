using System.Globalization;

namespace Operator.Telemetry;

/// <summary>How scale-up decisions link to the traces of the messages waiting in their sources.</summary>
public sealed class TraceLinkOptions
{
    /// <summary>Links per decision at most; 0 turns linking off.</summary>
    public int MaxLinks { get; set; } = TraceLinkDefaults.MaxLinks;

    /// <summary>The time box of one decision's link reads.</summary>
    public TimeSpan Timeout { get; set; } = TraceLinkDefaults.Timeout;

    /// <summary>
    /// The development emulator's AMQP port for peeks through a trigger connection with <c>UseDevelopmentEmulator=true</c>
    /// and an explicit (management) port; null: <see cref="TraceLinkDefaults.ServiceBusEmulatorAmqpPort"/>.
    /// </summary>
    public int? ServiceBusEmulatorAmqpPort { get; set; }

    /// <summary>Reads <see cref="TraceLinkDefaults.ServiceBusEmulatorAmqpPortVariable"/>'s value (null or empty: not set).</summary>
    public static int? ParsePort(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new ArgumentException(
                $"{TraceLinkDefaults.ServiceBusEmulatorAmqpPortVariable} must be a port number from 1 to 65535 (got '{value}')",
                nameof(value));
    }

    public void Validate()
    {
        if (MaxLinks < 0)
        {
            throw new ArgumentException($"TraceLinks.MaxLinks must not be negative (got {MaxLinks})", nameof(MaxLinks));
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"TraceLinks.Timeout must be positive (got {Timeout})", nameof(Timeout));
        }

        if (ServiceBusEmulatorAmqpPort is < 1 or > 65535)
        {
            throw new ArgumentException(
                $"TraceLinks.ServiceBusEmulatorAmqpPort must be a port number from 1 to 65535 (got {ServiceBusEmulatorAmqpPort})",
                nameof(ServiceBusEmulatorAmqpPort));
        }
    }
}
