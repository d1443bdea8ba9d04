using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Operator.Hosting;
using Operator.Tests.Scalers.AzureServiceBus;
using Operator.Tests.Scalers.Kafka;
using Operator.Tests.Support;
using ServiceDefaults.Messaging;

namespace Operator.Tests.ScaleLoop;

/// <summary>
/// The operator on the embedded control plane scales a Deployment 0→1 for a message sent inside a known trace, and
/// the decision's <c>scaledobject.scale</c> span links to that trace: Service Bus through the real SDK against the
/// local Service Bus (the sample's emulator-style management connection), Kafka against librdkafka's mock cluster.
/// </summary>
public sealed class DecisionSpanLinkTests(ControlPlaneFixture fixture, LocalServiceBusFixture bus)
    : IClassFixture<ControlPlaneFixture>, IClassFixture<LocalServiceBusFixture>, IDisposable
{
    private readonly DecisionRecorder _decisions = new();

    [Fact]
    public async Task ServiceBus_ZeroToOneDecision_LinksToTheTraceOfTheWaitingOrder()
    {
        var queue = bus.NewQueue("decision-orders");
        var order = ServiceBusTraceLinkTests.NewContext();
        var message = new ServiceBusMessage("order");
        MessageTraceContext.Inject(order, message.ApplicationProperties);
        await using (var sender = bus.Client.CreateSender(queue))
        {
            await sender.SendMessageAsync(message, TestContext.Current.CancellationToken);
        }

        var ns = await SetUpAsync(new V1EnvVar { Name = "SERVICEBUS_MANAGEMENT", Value = bus.Server.AdministrationConnectionString }, new JsonObject
        {
            ["type"] = "azure-servicebus",
            ["metadata"] = new JsonObject { ["queueName"] = queue, ["messageCount"] = "5", ["connectionFromEnv"] = "SERVICEBUS_MANAGEMENT" },
        });
        using var host = await StartOperatorAsync(bus.Server.AmqpPort);

        var decision = await ZeroToOneAsync(ns);

        Assert.Contains(order.TraceId, decision.Links.Select(l => l.Context.TraceId));
        Assert.Equal(1, decision.GetTagItem("keda.links"));
    }

    [Fact]
    public async Task Kafka_ZeroToOneDecision_LinksToTheTraceOfTheWaitingOrder()
    {
        await using var kafka = KafkaTestCluster.Start("orders", 2);
        var order = ServiceBusTraceLinkTests.NewContext();
        await KafkaTraceLinkTests.ProduceAsync(kafka, 1, order);
        var ns = await SetUpAsync(null, new JsonObject
        {
            ["type"] = "kafka",
            ["metadata"] = new JsonObject
            {
                ["bootstrapServers"] = kafka.Servers,
                ["consumerGroup"] = "processors",
                ["topic"] = "orders",
                ["offsetResetPolicy"] = "earliest",
            },
        });
        using var host = await StartOperatorAsync(null);

        var decision = await ZeroToOneAsync(ns);

        Assert.Equal([order.TraceId], decision.Links.Select(l => l.Context.TraceId));
    }

    public void Dispose() => _decisions.Dispose();

    private async Task<Activity> ZeroToOneAsync(string ns) => (await ControlPlaneFixture.EventuallyAsync(
        () => Task.FromResult(_decisions.Spans.Where(a => (string?)a.GetTagItem("keda.scaledobject") == $"{ns}/processor-so"
            && a.GetTagItem("keda.replicas.from") is 0 && a.GetTagItem("keda.replicas.to") is 1).ToList()),
        found => found.Count > 0,
        $"the 0→1 decision span of {ns}/processor-so"))[0];

    private async Task<string> SetUpAsync(V1EnvVar? env, JsonObject trigger)
    {
        await fixture.ApplyKedaCrdsAsync();
        var ns = "links-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        await fixture.Client.AppsV1.CreateNamespacedDeploymentAsync(new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "processor" },
            Spec = new V1DeploymentSpec
            {
                Replicas = 0,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "processor" } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "processor" } },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = "processor:1", Env = env is null ? null : [env] }] },
                },
            },
        }, ns);
        await new ScaledObjectScenario(fixture.Client, ns).CreateScaledObjectAsync(
            "processor-so", "processor", new JsonObject { ["pollingInterval"] = 1, ["triggers"] = new JsonArray(trigger) });
        return ns;
    }

    private async Task<IHost> StartOperatorAsync(int? serviceBusAmqpPort)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IKubernetes>(fixture.Cluster.CreateClient());
        builder.Services.AddOperatorCore(o => o.TraceLinks.ServiceBusEmulatorAmqpPort = serviceBusAmqpPort);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    // The operator's decision spans, recorded as the OTLP exporter would receive them.
    private sealed class DecisionRecorder : IDisposable
    {
        private readonly ActivityListener _listener;

        public DecisionRecorder()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Keda.Operator",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.OperationName == "scaledobject.scale")
                    {
                        Spans.Enqueue(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public ConcurrentQueue<Activity> Spans { get; } = new();

        public void Dispose() => _listener.Dispose();
    }
}
