using System.Diagnostics;
using System.Globalization;
using Azure.Messaging.ServiceBus;
using Confluent.Kafka;
using k8s;
using k8s.Models;
using Operator.Tests.Controllers;
using Operator.Tests.Scalers.AzureServiceBus;
using Operator.Tests.Scalers.Kafka;
using Operator.Tests.Support;

namespace Operator.Tests.Scalers;

/// <summary>
/// First message → <c>/scale</c> written (docs/benchmarks.md): per activation a Deployment at 0 and a ScaledObject at
/// KEDA's default timing (pollingInterval 30, cooldownPeriod 300) on a fresh topic or queue; after the loop's first
/// poll and a random pause (so the message lands at a random phase of the push watch), one message is sent and the
/// time until a watch on the Deployment sees <c>replicas: 1</c> is recorded. Explicit: it measures, asserts nothing
/// about time, and only runs when asked (<c>-- --explicit only</c>).
/// </summary>
public sealed class PushActivationBenchmark(ScalingOperatorFixture fixture, LocalServiceBusFixture bus)
    : IClassFixture<ScalingOperatorFixture>, IClassFixture<LocalServiceBusFixture>
{
    private const int Activations = 60;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Explicit = true)]
    public async Task Kafka_FirstMessageToScaleWritten()
    {
        await using var kafka = KafkaTestCluster.Start("warmup", 1);
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = kafka.Servers, LingerMs = 0 }).Build();
        await producer.ProduceAsync("warmup", new Message<Null, string> { Value = "connect" }, Ct);
        await MeasureAsync("kafka", async (ns, i) =>
        {
            var topic = $"orders-{i}";
            kafka.Cluster.CreateTopic(topic, 1);
            await fixture.ApplyAsync(ns, ControlPlaneFixture.ScaledObject($"p{i}", $$"""
                type: kafka
                metadata: {bootstrapServers: "{{kafka.Servers}}", consumerGroup: processors, topic: {{topic}}, offsetResetPolicy: earliest}
                """));
            return new Round(() => producer.ProduceAsync(topic, new Message<Null, string> { Value = "order" }, Ct), () => kafka.Cluster.DeleteTopic(topic));
        });
    }

    [Fact(Explicit = true)]
    public async Task ServiceBus_FirstMessageToScaleWritten()
    {
        await MeasureAsync("azure-servicebus", async (ns, i) =>
        {
            var queue = bus.NewQueue($"orders-{i}");
            if (i == 0)
            {
                await fixture.ApplyAsync(ns, bus.TriggerAuthentication("servicebus"));
            }

            await fixture.ApplyAsync(ns, ControlPlaneFixture.ScaledObject($"p{i}", $$"""
                type: azure-servicebus
                metadata: {queueName: {{queue}}}
                authenticationRef: {name: servicebus}
                """));
            var sender = bus.Client.CreateSender(queue);
            return new Round(() => sender.SendMessageAsync(new ServiceBusMessage("order"), Ct), () =>
            {
                sender.DisposeAsync().AsTask().GetAwaiter().GetResult();
                bus.Server.Namespace.Delete(queue);
            });
        });
    }

    // setup(ns, i) creates the ScaledObject of round i and returns the send of its first message and the cleanup of its source.
    private async Task MeasureAsync(string name, Func<string, int, Task<Round>> setup)
    {
        var ns = await fixture.NamespaceAsync();
        var fromSend = new List<double>();
        var fromAck = new List<double>();
        for (var i = 0; i < Activations; i++)
        {
            var deployment = $"p{i}";
            await fixture.CreateDeploymentAsync(ns, deployment, 0);
            var round = await setup(ns, i);
            await fixture.FirstPollAsync(ns, deployment);
            await Task.Delay(300 + Random.Shared.Next(1000), Ct);
            var version = (await fixture.Client.AppsV1.ReadNamespacedDeploymentAsync(deployment, ns, cancellationToken: Ct)).Metadata.ResourceVersion;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            stop.CancelAfter(TimeSpan.FromSeconds(120));
            var scaled = ScaledAsync(ns, deployment, version, stop.Token);

            var start = Stopwatch.GetTimestamp();
            await round.Send();
            var acked = Stopwatch.GetTimestamp();
            var written = await scaled;

            fromSend.Add(Stopwatch.GetElapsedTime(start, written).TotalMilliseconds);
            fromAck.Add(Stopwatch.GetElapsedTime(acked, written).TotalMilliseconds);
            await fixture.Client.CustomObjects.DeleteNamespacedCustomObjectAsync("keda.sh", "v1alpha1", ns, "scaledobjects", deployment, cancellationToken: Ct);
            await fixture.Client.AppsV1.DeleteNamespacedDeploymentAsync(deployment, ns, cancellationToken: Ct);
            round.Cleanup();
        }

        var line = string.Create(CultureInfo.InvariantCulture,
            $"{name}: {Activations} activations; message acknowledged → /scale written: p50 {Percentiles.Of(fromAck, 0.50):0} ms, p99 {Percentiles.Of(fromAck, 0.99):0} ms, max {fromAck.Max():0} ms; "
            + $"send started → /scale written: p50 {Percentiles.Of(fromSend, 0.50):0} ms, p99 {Percentiles.Of(fromSend, 0.99):0} ms");
        TestContext.Current.TestOutputHelper!.WriteLine(line);
        await File.AppendAllTextAsync(Path.Combine(Path.GetTempPath(), "push-activation-benchmark.txt"), line + Environment.NewLine, Ct);
        Assert.Equal(Activations, fromAck.Count);
    }

    // The timestamp at which a watch from resourceVersion sees the Deployment's replicas written to at least 1.
    private async Task<long> ScaledAsync(string ns, string name, string resourceVersion, CancellationToken cancellationToken)
    {
        await foreach (var (_, deployment) in fixture.Client.AppsV1.WatchListNamespacedDeploymentAsync(
            ns, fieldSelector: $"metadata.name={name}", resourceVersion: resourceVersion, cancellationToken: cancellationToken))
        {
            if (deployment.Spec.Replicas >= 1)
            {
                return Stopwatch.GetTimestamp();
            }
        }

        throw new InvalidOperationException($"the watch on {ns}/{name} ended before replicas were written");
    }

    private sealed record Round(Func<Task> Send, Action Cleanup);
}
