using System.Globalization;

namespace LocalKafka;

/// <summary>A topic to create: name and partition count (<c>orders:8</c> on the command line).</summary>
public sealed record LocalKafkaTopic(string Name, int Partitions = LocalKafkaDefaults.Partitions)
{
    /// <summary>Parses <c>name</c> or <c>name:partitions</c>.</summary>
    public static (LocalKafkaTopic? Topic, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            var whole = new LocalKafkaTopic(text.Trim());
            return whole.Validate() is { } e ? (null, e) : (whole, null);
        }

        var count = text[(colon + 1)..].Trim();
        if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var partitions))
        {
            return (null, $"--topic '{text}': partitions must be a positive integer (name:partitions, e.g. orders:8)");
        }

        var topic = new LocalKafkaTopic(text[..colon].Trim(), partitions);
        return topic.Validate() is { } error ? (null, error) : (topic, null);
    }

    /// <summary>Kafka's topic name rules (1-249 of <c>[a-zA-Z0-9._-]</c>, not <c>.</c> or <c>..</c>), partitions ≥ 1.</summary>
    public string? Validate()
    {
        if (Name.Length is 0 or > 249 || Name is "." or ".." || !Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            return $"topic name '{Name}' is invalid: use 1-249 characters of a-z, A-Z, 0-9, '.', '_', '-'";
        }

        return Partitions < 1 ? $"topic '{Name}': partitions must be at least 1, got {Partitions}" : null;
    }
}
