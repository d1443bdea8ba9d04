namespace Operator.Tests.Cli;

/// <summary>Each documented example reports exactly the trigger its header comment promises.</summary>
public sealed class ValidateExampleTriggerTests
{
    [Theory]
    [InlineData("amazon-managed-prometheus.yaml", "chat-prometheus", "s0-prometheus", "AverageValue", "50", "0")]
    [InlineData("azure-managed-prometheus.yaml", "web-managed-prometheus", "s0-prometheus", "AverageValue", "100500m", "5500m")]
    [InlineData("openshift-triggers.yaml", "prom-scaledobject", "s0-prometheus", "AverageValue", "5", "0")]
    [InlineData("openshift-triggers.yaml", "kafka-scaledobject", "s0-kafka-my-topic", "AverageValue", "10", "5")]
    [InlineData("servicebus-order-processor.yaml", "order-scaler", "s0-azure-servicebus-orders", "AverageValue", "5", "0")]
    public async Task Validate_Example_ReportsTheExternalMetricOfItsHeader(
        string file, string name, string metricName, string metricType, string target, string activation)
    {
        var run = await CliRun.RunAsync("validate", "--output", "json", RepositoryPaths.Example(file));

        var report = run.Report(name);
        Assert.True(report.Valid, string.Join("; ", report.Errors));
        var trigger = Assert.Single(report.Triggers);
        Assert.Equal(0, trigger.Index);
        Assert.Equal(metricName, trigger.MetricName);
        Assert.Equal("External", trigger.MetricSource);
        Assert.Equal(metricType, trigger.MetricType);
        Assert.Equal(target, trigger.Target);
        Assert.Equal(activation, trigger.ActivationTarget);
    }

    [Theory]
    [InlineData("cpu-scaledobject", "cpu", "Resource", null)]
    [InlineData("memory-scaledobject", "memory", "ContainerResource", "api")]
    public async Task Validate_OpenShiftExample_ReportsTheResourceMetricOfItsHeader(
        string name, string resource, string source, string? container)
    {
        var run = await CliRun.RunAsync("validate", "--output", "json", RepositoryPaths.Example("openshift-triggers.yaml"));

        var report = run.Report(name);
        Assert.True(report.Valid, string.Join("; ", report.Errors));
        var trigger = Assert.Single(report.Triggers);
        Assert.Equal(resource, trigger.MetricName);
        Assert.Equal(source, trigger.MetricSource);
        Assert.Equal(container, trigger.Container);
        Assert.Equal("Utilization", trigger.MetricType);
        Assert.Equal("60", trigger.Target);
        Assert.Null(trigger.ActivationTarget);
    }
}
