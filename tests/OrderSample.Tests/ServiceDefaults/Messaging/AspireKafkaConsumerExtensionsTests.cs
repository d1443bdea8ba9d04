using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace OrderSample.Tests.ServiceDefaults.Messaging;

public sealed class AspireKafkaConsumerExtensionsTests
{
    [Fact]
    public void AddKafkaConsumer_WithoutGroup_NamesTheSetting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:kafka", "localhost:9092")]);

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddKafkaConsumer<string, string>("kafka"));

        Assert.Contains("Aspire:Confluent:Kafka:Consumer:Config:GroupId", error.Message, StringComparison.Ordinal);
    }
}
