using System.Globalization;
using Microsoft.Extensions.Configuration;
using OrderContracts;

namespace OrderProcessor.Configuration;

/// <summary>
/// Reads <see cref="OrderProcessorSettings"/> from configuration: the <c>OrderProcessor</c> section, the original
/// sample's <c>KEDA_SERVICEBUS_*</c> variables and <c>ConnectionStrings__servicebus</c>/<c>ConnectionStrings__kafka</c>.
/// Every bad value is reported with its key and the accepted values.
/// </summary>
internal static class OrderProcessorSettingsReader
{
    public const string AuthModeKey = "KEDA_SERVICEBUS_AUTH_MODE";
    public const string QueueNameKey = "KEDA_SERVICEBUS_QUEUE_NAME";
    public const string QueueConnectionStringKey = "KEDA_SERVICEBUS_QUEUE_CONNECTIONSTRING";
    public const string HostNameKey = "KEDA_SERVICEBUS_HOST_NAME";
    public const string TenantIdKey = "KEDA_SERVICEBUS_TENANT_ID";
    public const string AppIdKey = "KEDA_SERVICEBUS_IDENTITY_APPID";
    public const string SecretKey = "KEDA_SERVICEBUS_IDENTITY_SECRET";
    public const string UserAssignedIdKey = "KEDA_SERVICEBUS_IDENTITY_USERASSIGNEDID";

    private const string Section = OrderProcessorDefaults.SectionName;

    public static OrderProcessorSettings Read(IConfiguration configuration, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var section = configuration.GetSection(Section);
        var settings = new OrderProcessorSettings
        {
            Transport = ReadTransport(configuration, problems),
            QueueName = First(configuration[QueueNameKey], section["QueueName"]) ?? OrderDefaults.QueueName,
            Topic = section["Topic"] is { Length: > 0 } topic ? topic : OrderDefaults.TopicName,
            ConsumerGroup = section["ConsumerGroup"] is { Length: > 0 } group ? group : OrderDefaults.ConsumerGroup,
            DeadLetterTopic = section["DeadLetterTopic"] is { Length: > 0 } dlq ? dlq : OrderDefaults.DeadLetterTopicName,
            ProcessingTime = ReadDuration(section, "ProcessingTime", OrderProcessorDefaults.ProcessingTime, allowZero: true, problems),
            ShutdownTimeout = ReadDuration(section, "ShutdownTimeout", OrderProcessorDefaults.ShutdownTimeout, allowZero: false, problems),
            Concurrency = ReadPositive(section, "Concurrency", OrderProcessorDefaults.Concurrency, problems),
            MaxDeliveryAttempts = ReadPositive(section, "MaxDeliveryAttempts", OrderProcessorDefaults.MaxDeliveryAttempts, problems),
            AuthMode = ReadAuthMode(configuration, problems),
            HostName = configuration[HostNameKey],
        };

        if (settings.Transport == OrderTransport.ServiceBus && settings.AuthMode != ServiceBusAuthMode.ConnectionString && string.IsNullOrWhiteSpace(settings.HostName))
        {
            problems.Add($"{HostNameKey} is required when {AuthModeKey} is {settings.AuthMode} (the namespace host, e.g. <name>.servicebus.windows.net).");
        }

        if (settings.Transport == OrderTransport.ServiceBus && settings.AuthMode == ServiceBusAuthMode.ConnectionString
            && First(configuration[QueueConnectionStringKey], configuration.GetConnectionString(OrderDefaults.ServiceBusConnectionName)) is null
            && problems.Count == 0)
        {
            problems.Add($"no Service Bus connection string: set ConnectionStrings__{OrderDefaults.ServiceBusConnectionName} or {QueueConnectionStringKey}.");
        }

        errors = problems;
        return settings;
    }

    private static OrderTransport ReadTransport(IConfiguration configuration, List<string> problems)
    {
        var key = $"{Section}:Transport";
        var value = configuration[key];
        if (!string.IsNullOrWhiteSpace(value))
        {
            if (OrderDefaults.TryParseTransport(value, out var transport))
            {
                return transport;
            }

            problems.Add($"{key} is '{value}'; accepted values: servicebus, kafka.");
            return OrderTransport.ServiceBus;
        }

        // Without a choice, whichever broker is configured; Service Bus first, as in the original sample.
        var serviceBus = First(configuration[AuthModeKey], configuration[QueueConnectionStringKey],
            configuration.GetConnectionString(OrderDefaults.ServiceBusConnectionName)) is not null;
        if (serviceBus)
        {
            return OrderTransport.ServiceBus;
        }

        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString(OrderDefaults.KafkaConnectionName)))
        {
            return OrderTransport.Kafka;
        }

        problems.Add(
            $"no broker is configured: set ConnectionStrings__{OrderDefaults.ServiceBusConnectionName} (or {AuthModeKey} with " +
            $"{QueueConnectionStringKey} / {HostNameKey}) for Service Bus, or ConnectionStrings__{OrderDefaults.KafkaConnectionName} " +
            $"for Kafka; {key} chooses between them (servicebus, kafka).");
        return OrderTransport.ServiceBus;
    }

    private static ServiceBusAuthMode ReadAuthMode(IConfiguration configuration, List<string> problems)
    {
        var value = configuration[AuthModeKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return ServiceBusAuthMode.ConnectionString;
        }

        if (Enum.TryParse<ServiceBusAuthMode>(value.Trim(), ignoreCase: true, out var mode) && Enum.IsDefined(mode))
        {
            return mode;
        }

        problems.Add($"{AuthModeKey} is '{value}'; accepted values: {string.Join(", ", Enum.GetNames<ServiceBusAuthMode>())}.");
        return ServiceBusAuthMode.ConnectionString;
    }

    private static TimeSpan ReadDuration(IConfigurationSection section, string name, TimeSpan fallback, bool allowZero, List<string> problems)
    {
        var value = section[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        // A bare number is seconds ("2", "0.5"); otherwise a TimeSpan ("00:00:02").
        TimeSpan? parsed = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) ? span : null;
        if (parsed is { } result && (result > TimeSpan.Zero || (allowZero && result == TimeSpan.Zero)))
        {
            return result;
        }

        problems.Add($"{Section}:{name} is '{value}'; accepted values: seconds (e.g. 2 or 0.5) or a time span (e.g. 00:00:02), {(allowZero ? "zero or more" : "more than zero")}.");
        return fallback;
    }

    private static int ReadPositive(IConfigurationSection section, string name, int fallback, List<string> problems)
    {
        var value = section[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return number;
        }

        problems.Add($"{Section}:{name} is '{value}'; accepted values: a whole number of 1 or more.");
        return fallback;
    }

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
