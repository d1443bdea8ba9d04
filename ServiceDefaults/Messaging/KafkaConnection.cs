using Confluent.Kafka;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>Reads a Kafka connection the way Aspire's Kafka component does: settings section, then the connection string.</summary>
internal static class KafkaConnection
{
    public static void Bind(IConfiguration configuration, string sectionName, string connectionName, object settings, ClientConfig config, Func<string?> connectionString, Action<string> setConnectionString)
    {
        var section = configuration.GetSection(sectionName);
        section.Bind(settings);
        section.GetSection("Config").Bind(config);
        var named = configuration.GetSection($"{sectionName}:{connectionName}");
        named.Bind(settings);
        named.GetSection("Config").Bind(config);
        if (configuration.GetConnectionString(connectionName) is { Length: > 0 } value)
        {
            setConnectionString(value);
        }

        if (!string.IsNullOrWhiteSpace(connectionString()))
        {
            config.BootstrapServers = connectionString();
        }

        if (string.IsNullOrWhiteSpace(config.BootstrapServers))
        {
            throw new InvalidOperationException(
                $"Kafka connection '{connectionName}' is not configured: set ConnectionStrings__{connectionName} " +
                $"(bootstrap servers, host:port) or {sectionName}:Config:BootstrapServers.");
        }
    }
}
