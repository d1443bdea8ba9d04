using Integration.AppHost;

namespace Integration.Sample;

/// <summary>
/// Scale from zero end to end on the containers profile (k3s, Kafka, the Service Bus emulator): the same scenario as
/// <see cref="ScaleFromZeroTests"/>, skipped where no Docker engine answers.
/// </summary>
[Collection(nameof(ContainersEnvironmentCollection))]
public sealed class ContainersScaleFromZeroTests(ContainersEnvironment environment)
{
    [Fact]
    public Task ServiceBus_OrdersFromTheGeneratorResource_ScaleTheProcessorFromZeroToManyAndBack_EachProcessedOnce()
    {
        Assert.SkipUnless(ContainersEnvironment.EngineAnswers, ContainersEnvironment.NoEngine);
        return new ScaleFromZeroScenario(environment).ServiceBusFromTheGeneratorResourceAsync();
    }

    [Fact]
    public Task Kafka_OrdersFromASecondTerminal_ScaleTheProcessorFromZeroToManyAndBack_EachProcessedOnce()
    {
        Assert.SkipUnless(ContainersEnvironment.EngineAnswers, ContainersEnvironment.NoEngine);
        return new ScaleFromZeroScenario(environment).KafkaFromASecondTerminalAsync();
    }
}
