using Operator.Scalers;

namespace Operator.Tests.Scalers;

public sealed class ScalerRegistryTests
{
    [Theory]
    [InlineData("rabbitmq")]
    [InlineData("Kafka")]
    public void Build_UnknownType_ReportsKedaError(string type)
    {
        var result = ScalerRegistry.Build(new ScalerConfig { TriggerType = type });

        Assert.False(result.IsSuccess);
        Assert.Equal([$"no scaler found for type: {type}"], result.Errors);
    }

    [Theory]
    [InlineData("kafka")]
    [InlineData("apache-kafka")]
    [InlineData("azure-servicebus")]
    [InlineData("cpu")]
    [InlineData("memory")]
    [InlineData("cron")]
    public void IsKnown_ListsBuiltInScalers(string type)
    {
        Assert.True(ScalerRegistry.IsKnown(type));
    }

    [Fact]
    public void Build_KnownTypeWithBadMetadata_ReturnsScalerErrors()
    {
        var result = ScalerRegistry.Build(new ScalerConfig { TriggerType = "cron" });

        BuildAssert.HasError(result, "missing required parameter \"start\" in [triggerMetadata]");
    }
}
