using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using LocalServiceBus.Tests.Support;

namespace LocalServiceBus.Tests;

/// <summary>CBS and the management endpoint check SAS signatures and expiry, as the service does.</summary>
public sealed class AuthorizationTests(LocalBrokerTarget broker) : IClassFixture<LocalBrokerTarget>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ServiceBusClientOptions OneTry => new()
    {
        RetryOptions = new ServiceBusRetryOptions { MaxRetries = 0, TryTimeout = TimeSpan.FromSeconds(10) },
    };

    [Fact]
    public async Task Send_WithAForgedKey_IsRefusedAsUnauthorized()
    {
        var forged = broker.ConnectionString.Replace("SAS_KEY_VALUE", "not-the-key", StringComparison.Ordinal);
        await using var client = new ServiceBusClient(forged, OneTry);
        await using var sender = client.CreateSender("orders");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => sender.SendMessageAsync(new ServiceBusMessage("x"), Ct));
    }

    [Fact]
    public async Task Send_WithAnExpiredSignature_IsRefusedAsUnauthorized()
    {
        var expired = SasTokens.Create($"sb://localhost:{broker.Server.AmqpPort}/", "RootManageSharedAccessKey", "SAS_KEY_VALUE",
            DateTimeOffset.UtcNow.AddMinutes(-5));
        var connection = $"Endpoint=sb://localhost:{broker.Server.AmqpPort};SharedAccessSignature={expired};UseDevelopmentEmulator=true;";
        await using var client = new ServiceBusClient(connection, OneTry);
        await using var sender = client.CreateSender("orders");

        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendMessageAsync(new ServiceBusMessage("x"), Ct));
        Assert.Equal(0, broker.Server.Namespace.FindQueue("orders")!.Counts().Active);
    }

    [Fact]
    public async Task Send_WithAValidSignature_IsAccepted()
    {
        var valid = SasTokens.Create($"sb://localhost:{broker.Server.AmqpPort}/", "RootManageSharedAccessKey", "SAS_KEY_VALUE",
            DateTimeOffset.UtcNow.AddMinutes(30));
        var queue = Names.Unique("auth");
        broker.Server.Namespace.TryCreateQueue(queue, new Config.EntityProperties());
        var connection = $"Endpoint=sb://localhost:{broker.Server.AmqpPort};SharedAccessSignature={valid};UseDevelopmentEmulator=true;";
        await using var client = new ServiceBusClient(connection, OneTry);
        await using var sender = client.CreateSender(queue);

        await sender.SendMessageAsync(new ServiceBusMessage("x"), Ct);

        Assert.Equal(1, broker.Server.Namespace.FindQueue(queue)!.Counts().Active);
    }

    [Fact]
    public async Task AdministrationClient_WithAForgedKey_IsRefusedAsUnauthorized()
    {
        var forged = broker.AdministrationConnectionString.Replace("SAS_KEY_VALUE", "not-the-key", StringComparison.Ordinal);
        var admin = new ServiceBusAdministrationClient(forged, new ServiceBusAdministrationClientOptions { Retry = { MaxRetries = 0 } });

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => admin.GetQueueRuntimePropertiesAsync("orders", Ct));
    }

    [Fact]
    public async Task Health_AnswersWithoutAToken()
    {
        using var http = new HttpClient();

        var body = await http.GetStringAsync($"http://127.0.0.1:{broker.Server.HttpPort}/health", Ct);

        Assert.Contains("\"status\":\"healthy\"", body, StringComparison.Ordinal);
    }
}
