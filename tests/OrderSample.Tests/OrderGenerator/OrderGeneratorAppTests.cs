using global::OrderGenerator;
using Microsoft.Extensions.Configuration;
using OrderContracts;
using Spectre.Console.Testing;

namespace OrderSample.Tests.OrderGenerator;

public sealed class OrderGeneratorAppTests
{
    [Theory]
    [InlineData("servicebus", "kafka", OrderTransport.ServiceBus)]
    [InlineData(null, "kafka", OrderTransport.Kafka)]
    [InlineData("servicebus", null, OrderTransport.ServiceBus)]
    public void TryChooseTransport_WithoutFlag_TakesTheConfiguredBrokerServiceBusFirst(string? serviceBus, string? kafka, OrderTransport expected)
    {
        var configuration = Configuration(("ConnectionStrings:servicebus", serviceBus), ("ConnectionStrings:kafka", kafka));

        Assert.True(OrderGeneratorApp.TryChooseTransport(new GeneratorOptions(), configuration, out var transport, out _));
        Assert.Equal(expected, transport);
    }

    [Fact]
    public void TryChooseTransport_Flag_WinsOverConfiguration()
    {
        var configuration = Configuration(("ConnectionStrings:servicebus", "sb"), ("OrderGenerator:Transport", "servicebus"));

        Assert.True(OrderGeneratorApp.TryChooseTransport(new GeneratorOptions { Transport = OrderTransport.Kafka }, configuration, out var transport, out _));
        Assert.Equal(OrderTransport.Kafka, transport);
    }

    [Fact]
    public async Task Run_NoBrokerAnywhere_ExitsTwoAndSaysWhereConnectionStringsComeFrom()
    {
        var console = new TestConsole();
        var empty = Directory.CreateTempSubdirectory("generator-").FullName;
        try
        {
            var exit = await OrderGeneratorApp.RunAsync(new GeneratorOptions { Count = 3 }, console, TextReader.Null, empty,
                b => b.Configuration.Sources.Clear(), TestContext.Current.CancellationToken);

            Assert.Equal(OrderGeneratorApp.NotConfigured, exit);
            Assert.Contains(".apphost/environment.env", console.Output.ReplaceLineEndings(""), StringComparison.Ordinal);
            Assert.Contains("ConnectionStrings__servicebus", console.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
