using Confluent.Kafka;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Settings of <see cref="AspireKafkaConsumerExtensions.AddKafkaConsumer{TKey, TValue}"/>, shaped like
/// <c>Aspire.Confluent.Kafka</c>'s (section <c>Aspire:Confluent:Kafka:Consumer</c>).
/// </summary>
public sealed class KafkaConsumerSettings
{
    /// <summary>The bootstrap servers (<c>host:port[,host:port]</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>librdkafka consumer configuration (<c>GroupId</c> is required); <c>BootstrapServers</c> comes from <see cref="ConnectionString"/>.</summary>
    public ConsumerConfig Config { get; set; } = new();

    public bool DisableHealthChecks { get; set; }

    /// <summary>Leaves the consumer's <c>Confluent.Kafka</c> spans out of tracing.</summary>
    public bool DisableTracing { get; set; }
}
