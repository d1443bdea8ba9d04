using System.Globalization;
using AppHost.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AppHost.Kafka;

/// <summary>
/// <c>AddKafkaContainer("kafka", "orders:8")</c>: <c>apache/kafka</c> in KRaft mode, shaped like Aspire.Hosting.Kafka's
/// <c>AddKafka</c> (a container resource whose connection string is the bootstrap servers).
/// </summary>
internal static class KafkaContainerBuilderExtensions
{
    public const string Image = "apache/kafka";

    /// <summary>Kafka 4.x: the consumer group protocol (KIP-848) the processor uses is on by default.</summary>
    public const string Tag = "4.1.0";

    private const string QuorumVoters = "1@localhost:9093";
    private const string Listeners = "PLAINTEXT://0.0.0.0:9092,CONTROLLER://0.0.0.0:9093,CLUSTER://0.0.0.0:9094";

    /// <summary>
    /// One broker+controller with two client listeners: <c>PLAINTEXT</c> (container port 9092, published on a fixed
    /// free port and advertised as <c>localhost:&lt;port&gt;</c>) and <c>CLUSTER</c> (9094, advertised with the container's
    /// address, which its start script reads with <c>hostname -i</c>: the address is known only once it runs). Topics
    /// (<c>name:partitions</c>) are created by the start script once the broker answers; healthy when the published
    /// port accepts connections.
    /// </summary>
    public static IResourceBuilder<KafkaContainerResource> AddKafkaContainer(
        this IDistributedApplicationBuilder builder, string name, params string[] topics)
    {
        var port = FreePort.Next();
        var healthKey = $"{name}_tcp";
        builder.Services.AddHealthChecks().Add(new(healthKey, _ => new TcpHealthCheck(port), failureStatus: null, tags: null));
        var kafka = new KafkaContainerResource(name);
        var resource = builder.AddResource(kafka)
            .WithImage(Image, Tag)
            .WithEndpoint(port: port, targetPort: KafkaContainerResource.HostListenerPort, scheme: "tcp", name: KafkaContainerResource.PrimaryEndpointName, isProxied: false)
            .WithEnvironment("KAFKA_NODE_ID", "1")
            .WithEnvironment("KAFKA_PROCESS_ROLES", "broker,controller")
            .WithEnvironment("KAFKA_CONTROLLER_QUORUM_VOTERS", QuorumVoters)
            .WithEnvironment("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER")
            .WithEnvironment("KAFKA_LISTENERS", Listeners)
            .WithEnvironment("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,CLUSTER:PLAINTEXT")
            // The broker reaches itself on the container address; localhost:<published port> means nothing inside.
            .WithEnvironment("KAFKA_INTER_BROKER_LISTENER_NAME", "CLUSTER")
            .WithEnvironment("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
            .WithEnvironment("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
            .WithEnvironment("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
            .WithEnvironment("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
            .WithArgs("/bin/bash", "-c", StartScript(port, topics))
            .WithHealthCheck(healthKey);
        kafka.Address = ContainerAddress.For(resource);
        return resource;
    }

    /// <summary>
    /// Exports <c>KAFKA_ADVERTISED_LISTENERS</c> with the container's address, creates the topics in the background once
    /// the broker answers, then runs the image's own start command (the entrypoint still sets up certificates first).
    /// </summary>
    internal static string StartScript(int publishedPort, IEnumerable<string> topics)
    {
        var cluster = KafkaContainerResource.ClusterListenerPort.ToString(CultureInfo.InvariantCulture);
        var create = string.Concat(topics.Select(topic =>
        {
            var parts = topic.Split(':', 2);
            var partitions = parts.Length == 2 ? parts[1] : "1";
            return $"until /opt/kafka/bin/kafka-topics.sh --bootstrap-server \"$ADDRESS:{cluster}\" --create --if-not-exists " +
                $"--topic {parts[0]} --partitions {partitions} --replication-factor 1; do sleep 1; done; ";
        }));
        return "ADDRESS=$(hostname -i | cut -d' ' -f1); " +
            $"export KAFKA_ADVERTISED_LISTENERS=\"PLAINTEXT://localhost:{publishedPort.ToString(CultureInfo.InvariantCulture)},CLUSTER://$ADDRESS:{cluster}\"; " +
            $"( {create}) & " +
            "exec /etc/kafka/docker/run";
    }
}
