using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OrderSample.Tests.ServiceDefaults.Messaging;

public sealed class AspireServiceBusExtensionsTests
{
    private const string Emulator = "Endpoint=sb://localhost:5672;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";

    [Fact]
    public async Task AddAzureServiceBusClient_ConnectionStringsEntry_ClientForThatNamespace()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:servicebus", Emulator)]);

        builder.AddAzureServiceBusClient("servicebus");

        using var host = builder.Build();
        await using var client = host.Services.GetRequiredService<ServiceBusClient>();
        Assert.Equal("localhost", client.FullyQualifiedNamespace);
    }

    [Fact]
    public async Task AddAzureServiceBusClient_BareNamespace_UsesACredential()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:servicebus", "sb://sbns-demo.servicebus.windows.net/")]);

        builder.AddAzureServiceBusClient("servicebus");

        using var host = builder.Build();
        await using var client = host.Services.GetRequiredService<ServiceBusClient>();
        Assert.Equal("sbns-demo.servicebus.windows.net", client.FullyQualifiedNamespace);
    }

    [Fact]
    public void AddAzureServiceBusClient_NotConfigured_NamesTheVariable()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddAzureServiceBusClient("orders-bus");
        using var host = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<ServiceBusClient>());

        Assert.Contains("ConnectionStrings__orders-bus", error.Message, StringComparison.Ordinal);
    }
}
