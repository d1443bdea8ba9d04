using Azure.Messaging.ServiceBus;
using LocalServiceBus;
using LocalServiceBus.Config;

namespace Operator.Tests.Scalers.AzureServiceBus;

/// <summary>A local Service Bus (the real broker the SDK talks to) on free ports, and helpers to fill it.</summary>
public sealed class LocalServiceBusFixture : IAsyncLifetime
{
    public LocalServiceBusServer Server { get; private set; } = null!;

    public ServiceBusClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await LocalServiceBusServer.StartAsync(new LocalServiceBusOptions { AmqpPort = 0, HttpPort = 0 });
        Client = new ServiceBusClient(Server.ConnectionString);
    }

    public string NewQueue(string name)
    {
        Assert.True(Server.Namespace.TryCreateQueue(name, new EntityProperties()));
        return name;
    }

    public void NewTopic(string topic, params string[] subscriptions)
    {
        Assert.True(Server.Namespace.TryCreateTopic(topic, new EntityProperties()));
        foreach (var name in subscriptions)
        {
            Assert.True(Server.Namespace.FindTopic(topic)!.TryAdd(Server.Namespace.NewSubscription(topic, name, new EntityProperties(), [])));
        }
    }

    public async Task SendAsync(string entity, int count)
    {
        await using var sender = Client.CreateSender(entity);
        await sender.SendMessagesAsync(Enumerable.Range(0, count).Select(i => new ServiceBusMessage($"m{i}")), TestContext.Current.CancellationToken);
    }

    /// <summary>Receives and completes <paramref name="count"/> messages of <paramref name="queue"/>, as a processor would.</summary>
    public async Task CompleteAsync(string queue, int count)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = Client.CreateReceiver(queue);
        for (var completed = 0; completed < count;)
        {
            foreach (var message in await receiver.ReceiveMessagesAsync(count - completed, TimeSpan.FromSeconds(5), ct))
            {
                await receiver.CompleteMessageAsync(message, ct);
                completed++;
            }
        }
    }

    /// <summary>
    /// A TriggerAuthentication <paramref name="name"/> for azure-servicebus triggers on a Secret (<c>servicebus-management</c>)
    /// holding this broker's management connection string, as YAML for <see cref="Support.ControlPlaneFixture.ApplyAsync(string, string)"/>.
    /// </summary>
    public string TriggerAuthentication(string name) => $$"""
        apiVersion: v1
        kind: Secret
        metadata: {name: servicebus-management}
        stringData: {connection: "{{Server.AdministrationConnectionString}}"}
        ---
        apiVersion: keda.sh/v1alpha1
        kind: TriggerAuthentication
        metadata: {name: {{name}}}
        spec:
          secretTargetRef: [{parameter: connection, name: servicebus-management, key: connection}]
        """;

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Server.DisposeAsync();
    }
}
