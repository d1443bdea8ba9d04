using Operator.Scalers.AzureServiceBus;

namespace Operator.Tests.Scalers.AzureServiceBus;

/// <summary>The AMQP connection a trace-link peek uses for a trigger's (management) connection string.</summary>
public sealed class ServiceBusMessagingConnectionTests
{
    private const string Key = "SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE";

    [Fact]
    public void EmulatorConnectionOnTheManagementPort_PointsAtTheConfiguredAmqpPort()
    {
        var messaging = ServiceBusMessagingConnection.For($"Endpoint=sb://localhost:5300;{Key};UseDevelopmentEmulator=true;", 40123);

        Assert.Equal($"Endpoint=sb://localhost:40123;{Key};UseDevelopmentEmulator=true;", messaging);
    }

    [Fact]
    public void EmulatorConnectionOnTheManagementPort_PointsAtTheEmulatorsAmqpPort_WhenNoneIsConfigured()
    {
        var messaging = ServiceBusMessagingConnection.For($"Endpoint=sb://localhost:5300;{Key};UseDevelopmentEmulator=true", null);

        Assert.StartsWith("Endpoint=sb://localhost:5672;", messaging, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Endpoint=sb://my-namespace.servicebus.windows.net/;" + Key)]
    [InlineData("Endpoint=sb://localhost;" + Key + ";UseDevelopmentEmulator=true;")]
    [InlineData("Endpoint=sb://localhost:5300;" + Key + ";UseDevelopmentEmulator=false;")]
    public void OtherConnections_AreUsedAsTheyAre(string connection)
    {
        Assert.Equal(connection, ServiceBusMessagingConnection.For(connection, 40123));
    }
}
