using Operator.Scalers;
using Operator.Scalers.Kafka;

namespace Operator.Tests.Scalers;

// The triggers of docs/examples/openshift-triggers.yaml and servicebus-order-processor.yaml, as the validate CLI
// feeds them to the registry.
public sealed class ExampleTriggersTests
{
    private static IScaler Build(string type, Dictionary<string, string> metadata, string metricType = "", PodIdentity? podIdentity = null)
    {
        var result = ScalerRegistry.Build(new ScalerConfig
        {
            TriggerType = type,
            TriggerMetadata = metadata,
            MetricType = metricType,
            PodIdentity = podIdentity ?? PodIdentity.None,
        });
        Assert.True(result.IsSuccess, string.Join('\n', result.Errors));
        return result.Scaler!;
    }

    [Fact]
    public void OpenShiftKafka_TargetsTenWithActivationFive()
    {
        var scaler = Build("kafka", new()
        {
            ["topic"] = "my-topic",
            ["bootstrapServers"] = "my-cluster-kafka-bootstrap.openshift-operators.svc:9092",
            ["consumerGroup"] = "my-group",
            ["lagThreshold"] = "10",
            ["activationLagThreshold"] = "5",
            ["offsetResetPolicy"] = "latest",
            ["allowIdleConsumers"] = "true",
            ["scaleToZeroOnInvalidOffset"] = "false",
            ["excludePersistentLag"] = "false",
            ["version"] = "1.0.0",
            ["partitionLimitation"] = "1,2,10-20,31",
        });

        var spec = Assert.Single(scaler.GetMetricSpecs());
        Assert.Equal("s0-kafka-my-topic", spec.External.Metric.Name);
        Assert.Equal("10", spec.External.Target.AverageValue.ToString());
        var meta = ((KafkaScaler)scaler).Metadata;
        Assert.Equal(5, meta.ActivationLagThreshold);
        Assert.Equal([1, 2, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 31], meta.PartitionLimitation!);
    }

    [Fact]
    public void OpenShiftCpu_IsResourceUtilizationSixty()
    {
        var spec = Assert.Single(Build("cpu", new() { ["value"] = "60" }, "Utilization").GetMetricSpecs());

        Assert.Equal("cpu", spec.Resource.Name);
        Assert.Equal(60, spec.Resource.Target.AverageUtilization);
    }

    [Fact]
    public void OpenShiftMemory_IsContainerResourceOfApi()
    {
        var spec = Assert.Single(Build("memory", new() { ["value"] = "60", ["containerName"] = "api" }, "Utilization").GetMetricSpecs());

        Assert.Equal("ContainerResource", spec.Type);
        Assert.Equal("api", spec.ContainerResource.Container);
        Assert.Equal(60, spec.ContainerResource.Target.AverageUtilization);
    }

    [Fact]
    public void OrderProcessor_ServiceBusWithWorkloadIdentity()
    {
        var scaler = Build(
            "azure-servicebus",
            new() { ["namespace"] = "sbns-demo", ["queueName"] = "orders", ["messageCount"] = "5" },
            podIdentity: new PodIdentity("azure-workload", IdentityId: "66666666-7777-8888-9999-000000000000"));

        var spec = Assert.Single(scaler.GetMetricSpecs());
        Assert.Equal("s0-azure-servicebus-orders", spec.External.Metric.Name);
        Assert.Equal("5", spec.External.Target.AverageValue.ToString());
    }
}
