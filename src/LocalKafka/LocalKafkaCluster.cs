using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using LocalKafka.Forwarding;
using LocalKafka.Native;

namespace LocalKafka;

/// <summary>
/// A Kafka-protocol cluster on 127.0.0.1 without a broker install: librdkafka's mock cluster, which Confluent.Kafka
/// producers, consumer groups and the admin client talk to unchanged. See the README for what it does not do.
/// </summary>
public sealed class LocalKafkaCluster : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<TcpForwarder> _forwarders;
    private nint _handle;
    private nint _cluster;

    private LocalKafkaCluster(nint handle, nint cluster, string bootstrapServers, IReadOnlyList<int> brokerIds, List<TcpForwarder> forwarders)
    {
        _handle = handle;
        _cluster = cluster;
        BootstrapServers = bootstrapServers;
        BrokerIds = brokerIds;
        _forwarders = forwarders;
    }

    /// <summary>Comma-separated <c>host:port</c> of every broker, for <c>bootstrap.servers</c>.</summary>
    public string BootstrapServers { get; }

    /// <summary>Broker ids (1..N).</summary>
    public IReadOnlyList<int> BrokerIds { get; }

    /// <summary>Starts the brokers and creates <see cref="LocalKafkaOptions.Topics"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid (the message names the field).</exception>
    /// <exception cref="InvalidOperationException">librdkafka could not start the cluster or bind a port.</exception>
    public static LocalKafkaCluster Start(LocalKafkaOptions? options = null)
    {
        options ??= new LocalKafkaOptions();
        if (options.Validate() is { } invalid)
        {
            throw new ArgumentException(invalid, nameof(options));
        }

        RdKafkaLibrary.EnsureResolver();
        var handle = NewHandle();
        var cluster = RdKafkaNative.MockClusterNew(handle, options.Brokers);
        if (cluster == 0)
        {
            RdKafkaNative.Destroy(handle);
            throw new InvalidOperationException("librdkafka could not create the mock cluster");
        }

        // The mock cluster reports controller 0, a broker that does not exist, unless told otherwise; the admin
        // client's DescribeTopics waits for a controller.
        RdKafkaNative.MockSetControllerId(cluster, 1);
        if (options.GroupInitialRebalanceDelay is { } delay)
        {
            RdKafkaNative.MockGroupInitialRebalanceDelayMs(cluster, (int)delay.TotalMilliseconds);
        }

        if (options.ConsumerGroupSessionTimeout is { } sessionTimeout)
        {
            RdKafkaNative.MockSetGroupConsumerSessionTimeoutMs(cluster, (int)sessionTimeout.TotalMilliseconds);
        }

        if (options.ConsumerGroupHeartbeatInterval is { } heartbeat)
        {
            RdKafkaNative.MockSetGroupConsumerHeartbeatIntervalMs(cluster, (int)heartbeat.TotalMilliseconds);
        }

        var ids = Enumerable.Range(1, options.Brokers).ToArray();
        var bootstrapServers = Marshal.PtrToStringUTF8(RdKafkaNative.MockClusterBootstraps(cluster)) ?? "";
        var forwarders = new List<TcpForwarder>();
        var result = new LocalKafkaCluster(handle, cluster, bootstrapServers, ids, forwarders);
        try
        {
            if (options.Port is { } port)
            {
                result = result.ListenOn(port);
            }

            result.CreateTopics(options.Topics);
            return result;
        }
        catch
        {
            result.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>Creates a topic; fails if it exists (the mock cluster cannot add partitions to a topic).</summary>
    public void CreateTopic(string name, int partitions = LocalKafkaDefaults.Partitions)
    {
        var topic = new LocalKafkaTopic(name, partitions);
        if (topic.Validate() is { } invalid)
        {
            throw new ArgumentException(invalid, nameof(name));
        }

        Check(RdKafkaNative.MockTopicCreate(Cluster, name, partitions, Math.Min(LocalKafkaDefaults.ReplicationFactor, BrokerIds.Count)), $"create topic '{name}'");
    }

    /// <summary>Deletes a topic with its messages and committed offsets.</summary>
    public void DeleteTopic(string name) => Check(RdKafkaNative.MockTopicDelete(Cluster, name), $"delete topic '{name}'");

    /// <summary>Moves a partition's log start offset to <paramref name="beforeOffset"/> (Kafka's DeleteRecords).</summary>
    public void DeleteRecords(string topic, int partition, long beforeOffset) =>
        Check(RdKafkaNative.MockPartitionDeleteRecords(Cluster, topic, partition, beforeOffset), $"delete records of '{topic}'[{partition}]");

    /// <summary>Takes a broker down: open connections close and new ones are refused until <see cref="StartBroker"/>.</summary>
    public void StopBroker(int brokerId) => Check(RdKafkaNative.MockBrokerSetDown(Cluster, brokerId), $"stop broker {brokerId}");

    /// <summary>Brings a stopped broker back on the same port.</summary>
    public void StartBroker(int brokerId) => Check(RdKafkaNative.MockBrokerSetUp(Cluster, brokerId), $"start broker {brokerId}");

    public async ValueTask DisposeAsync()
    {
        foreach (var forwarder in _forwarders)
        {
            await forwarder.DisposeAsync().ConfigureAwait(false);
        }

        _forwarders.Clear();
        nint cluster, handle;
        lock (_gate)
        {
            (cluster, handle) = (_cluster, _handle);
            (_cluster, _handle) = (0, 0);
        }

        if (cluster != 0)
        {
            RdKafkaNative.MockClusterDestroy(cluster);
        }

        if (handle != 0)
        {
            RdKafkaNative.Destroy(handle);
        }
    }

    private nint Cluster
    {
        get
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_cluster == 0, this);
                return _cluster;
            }
        }
    }

    /// <summary>Puts broker <c>i</c> behind <c>port + i - 1</c> and makes it advertise that port.</summary>
    private LocalKafkaCluster ListenOn(int port)
    {
        var upstreams = BootstrapServers.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(IPEndPoint.Parse).ToArray();
        for (var i = 0; i < BrokerIds.Count; i++)
        {
            try
            {
                _forwarders.Add(TcpForwarder.Start(new IPEndPoint(IPAddress.Loopback, port + i), upstreams[i]));
            }
            catch (SocketException e)
            {
                throw new InvalidOperationException($"cannot listen on {LocalKafkaDefaults.Host}:{port + i} for broker {BrokerIds[i]}: {e.Message}", e);
            }

            RdKafkaNative.MockBrokerSetHostPort(_cluster, BrokerIds[i], LocalKafkaDefaults.Host, port + i);
        }

        var servers = string.Join(',', BrokerIds.Select((_, i) => $"{LocalKafkaDefaults.Host}:{(port + i).ToString(CultureInfo.InvariantCulture)}"));
        return new LocalKafkaCluster(_handle, _cluster, servers, BrokerIds, _forwarders);
    }

    private void CreateTopics(IEnumerable<LocalKafkaTopic> topics)
    {
        foreach (var topic in topics)
        {
            CreateTopic(topic.Name, topic.Partitions);
        }
    }

    private static void Check(int err, string what)
    {
        if (err != 0)
        {
            throw new InvalidOperationException($"cannot {what}: {RdKafkaNative.Describe(err)}");
        }
    }

    private static nint NewHandle()
    {
        var errstr = new byte[512];
        var conf = RdKafkaNative.ConfNew();
        // The owning handle never talks to a broker; keep librdkafka's own log to errors only.
        if (RdKafkaNative.ConfSet(conf, "log_level", "3", errstr, (nuint)errstr.Length) != 0)
        {
            RdKafkaNative.ConfDestroy(conf);
            throw new InvalidOperationException("librdkafka rejected log_level: " + Text(errstr));
        }

        var handle = RdKafkaNative.New(RdKafkaNative.ProducerType, conf, errstr, (nuint)errstr.Length);
        if (handle == 0)
        {
            RdKafkaNative.ConfDestroy(conf);
            throw new InvalidOperationException("librdkafka could not create a handle: " + Text(errstr));
        }

        return handle;
    }

    private static string Text(byte[] errstr) => Encoding.UTF8.GetString(errstr, 0, Math.Max(0, Array.IndexOf(errstr, (byte)0)));
}
