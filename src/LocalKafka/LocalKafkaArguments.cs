using System.Globalization;

namespace LocalKafka;

/// <summary>Command line of the LocalKafka program: <c>--port 9092 --brokers 1 --topic orders:8 [--topic other:3]</c>.</summary>
internal static class LocalKafkaArguments
{
    public const string Usage = """
        Usage: LocalKafka [--port <port>] [--brokers <count>] [--topic <name[:partitions]>]...
          --port     port of broker 1 (broker i listens on port+i-1); omitted = free ports
          --brokers  number of brokers, 1-16 (default 1)
          --topic    topic to create, e.g. orders:8 (repeatable; default 1 partition)
        """;

    public static (LocalKafkaOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new LocalKafkaOptions();
        var topics = new List<LocalKafkaTopic>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                return (null, null);
            }

            if (name is not ("--port" or "--brokers" or "--topic"))
            {
                return (null, $"unknown argument '{name}'; accepted: --port, --brokers, --topic");
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"{name} needs a value");
            }

            var value = args[++i];
            switch (name)
            {
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535:
                    options = options with { Port = port };
                    break;
                case "--port":
                    return (null, $"--port must be a TCP port 1-65535, got '{value}'");
                case "--brokers" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var brokers):
                    options = options with { Brokers = brokers };
                    break;
                case "--brokers":
                    return (null, $"--brokers must be a number 1-{LocalKafkaDefaults.MaxBrokers}, got '{value}'");
                default:
                    var (topic, error) = LocalKafkaTopic.Parse(value);
                    if (error is not null)
                    {
                        return (null, error);
                    }

                    topics.Add(topic!);
                    break;
            }
        }

        options = options with { Topics = topics };
        return options.Validate() is { } invalid ? (null, invalid) : (options, null);
    }
}
