using Integration.AppHost;

namespace Integration.Sample;

/// <summary>Scale from zero end to end on the embedded profile (<see cref="ScaleFromZeroScenario"/>), once per transport.</summary>
[Collection(nameof(EmbeddedEnvironmentCollection))]
public sealed class ScaleFromZeroTests(EmbeddedEnvironment environment)
{
    [Fact]
    public Task ServiceBus_OrdersFromTheGeneratorResource_ScaleTheProcessorFromZeroToManyAndBack_EachProcessedOnce() =>
        new ScaleFromZeroScenario(environment).ServiceBusFromTheGeneratorResourceAsync();

    [Fact]
    public Task Kafka_OrdersFromASecondTerminal_ScaleTheProcessorFromZeroToManyAndBack_EachProcessedOnce() =>
        new ScaleFromZeroScenario(environment).KafkaFromASecondTerminalAsync();
}
