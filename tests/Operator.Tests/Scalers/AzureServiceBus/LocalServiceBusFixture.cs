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

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Server.DisposeAsync();
    }
}
