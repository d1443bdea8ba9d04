using Confluent.Kafka;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Settings of <see cref="AspireKafkaProducerExtensions.AddKafkaProducer{TKey, TValue}"/>, shaped like
/// <c>Aspire.Confluent.Kafka</c>'s (section <c>Aspire:Confluent:Kafka:Producer</c>).
/// </summary>
public sealed class KafkaProducerSettings
{
    /// <summary>The bootstrap servers (<c>host:port[,host:port]</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>librdkafka producer configuration; <c>BootstrapServers</c> comes from <see cref="ConnectionString"/>.</summary>
    public ProducerConfig Config { get; set; } = new();

    public bool DisableHealthChecks { get; set; }

    /// <summary>Leaves the producer's <c>Confluent.Kafka</c> spans out of tracing.</summary>
    public bool DisableTracing { get; set; }
}
