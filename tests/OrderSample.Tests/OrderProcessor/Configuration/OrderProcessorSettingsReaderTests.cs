using Microsoft.Extensions.Configuration;
using OrderContracts;
using OrderProcessor.Configuration;

namespace OrderSample.Tests.OrderProcessor.Configuration;

public sealed class OrderProcessorSettingsReaderTests
{
    private const string ServiceBus = "Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;";

    [Fact]
    public void Read_ServiceBusConnectionString_DefaultsOfTheOriginalSample()
    {
        var settings = Read(out var errors, ("ConnectionStrings:servicebus", ServiceBus));

        Assert.Empty(errors);
        Assert.Equal(OrderTransport.ServiceBus, settings.Transport);
        Assert.Equal("orders", settings.QueueName);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.ProcessingTime);
        Assert.Equal(1, settings.Concurrency);
        Assert.Equal(ServiceBusAuthMode.ConnectionString, settings.AuthMode);
    }

    [Fact]
    public void Read_OriginalSampleVariables_AreHonoured()
    {
        var settings = Read(out var errors,
            ("KEDA_SERVICEBUS_AUTH_MODE", "WorkloadIdentity"),
            ("KEDA_SERVICEBUS_HOST_NAME", "sbns-demo.servicebus.windows.net"),
            ("KEDA_SERVICEBUS_QUEUE_NAME", "orders-eu"));

        Assert.Empty(errors);
        Assert.Equal(OrderTransport.ServiceBus, settings.Transport);
        Assert.Equal(ServiceBusAuthMode.WorkloadIdentity, settings.AuthMode);
        Assert.Equal("sbns-demo.servicebus.windows.net", settings.HostName);
        Assert.Equal("orders-eu", settings.QueueName);
    }

    [Fact]
    public void Read_OnlyKafkaConfigured_ChoosesKafkaWithTheSampleGroup()
    {
        var settings = Read(out var errors, ("ConnectionStrings:kafka", "localhost:9092"), ("OrderProcessor:Concurrency", "4"), ("OrderProcessor:ProcessingTime", "0.5"));

        Assert.Empty(errors);
        Assert.Equal(OrderTransport.Kafka, settings.Transport);
        Assert.Equal("orders", settings.Topic);
        Assert.Equal("order-processor", settings.ConsumerGroup);
        Assert.Equal(4, settings.Concurrency);
        Assert.Equal(TimeSpan.FromMilliseconds(500), settings.ProcessingTime);
    }

    [Fact]
    public void Read_NothingConfigured_NamesTheVariablesToSet()
    {
        Read(out var errors);

        var error = Assert.Single(errors);
        Assert.Contains("ConnectionStrings__servicebus", error, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__kafka", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("KEDA_SERVICEBUS_AUTH_MODE", "ManagedIdentity", "KEDA_SERVICEBUS_AUTH_MODE is 'ManagedIdentity'; accepted values: ConnectionString, ServicePrinciple, PodIdentity, WorkloadIdentity.")]
    [InlineData("OrderProcessor:Transport", "rabbitmq", "OrderProcessor:Transport is 'rabbitmq'; accepted values: servicebus, kafka.")]
    [InlineData("OrderProcessor:Concurrency", "0", "OrderProcessor:Concurrency is '0'; accepted values: a whole number of 1 or more.")]
    [InlineData("OrderProcessor:ProcessingTime", "soon", "OrderProcessor:ProcessingTime is 'soon'; accepted values: seconds (e.g. 2 or 0.5) or a time span (e.g. 00:00:02), zero or more.")]
    public void Read_BadValue_NamesTheKeyAndTheAcceptedValues(string key, string value, string expected)
    {
        Read(out var errors, ("ConnectionStrings:servicebus", ServiceBus), (key, value));

        Assert.Equal(expected, Assert.Single(errors));
    }

    [Fact]
    public void Read_IdentityModeWithoutHost_AsksForTheHostName()
    {
        Read(out var errors, ("KEDA_SERVICEBUS_AUTH_MODE", "WorkloadIdentity"));

        Assert.Contains(errors, e => e.StartsWith("KEDA_SERVICEBUS_HOST_NAME is required", StringComparison.Ordinal));
    }

    private static OrderProcessorSettings Read(out IReadOnlyList<string> errors, params (string Key, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
        return OrderProcessorSettingsReader.Read(configuration, out errors);
    }
}
