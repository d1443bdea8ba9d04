namespace Operator.Tests.Cli;

/// <summary>The HPA reported is the one KEDA's HPA generation would create.</summary>
public sealed class ValidateHpaTests
{
    private static string Example(string file) => File.ReadAllText(RepositoryPaths.Example(file));

    [Fact]
    public async Task Validate_ScalingModifiers_HpaHasTheCompositeMetric()
    {
        var yaml = Example("azure-managed-prometheus.yaml")
            .Replace("  triggers:\n  - type: prometheus\n", """
              advanced:
                scalingModifiers: {formula: "requests * 2", target: "10"}
              triggers:
              - type: prometheus
                name: requests

            """, StringComparison.Ordinal);

        var run = await CliRun.ValidateYamlAsync(yaml);

        var report = run.Report("web-managed-prometheus");
        Assert.True(report.Valid, string.Join("; ", report.Errors));
        Assert.Equal(["composite-metric"], report.Hpa!.Metrics);
        Assert.Equal("s0-prometheus", Assert.Single(report.Triggers).MetricName);
    }

    [Fact]
    public async Task Validate_PausedReplicas_PinTheHpaBounds()
    {
        var yaml = Example("azure-managed-prometheus.yaml")
            .Replace("metadata: {name: web-managed-prometheus, namespace: shop}", "metadata: {name: web-managed-prometheus, namespace: shop, annotations: {autoscaling.keda.sh/paused-replicas: \"3\"}}", StringComparison.Ordinal);

        var run = await CliRun.ValidateYamlAsync(yaml);

        var hpa = run.Report("web-managed-prometheus").Hpa!;
        Assert.Equal((3, 3), (hpa.MinReplicas, hpa.MaxReplicas));
    }

    [Fact]
    public async Task Validate_CustomHpaName_IsUsed()
    {
        var yaml = Example("amazon-managed-prometheus.yaml")
            .Replace("    horizontalPodAutoscalerConfig:\n", "    horizontalPodAutoscalerConfig:\n      name: chat-hpa\n", StringComparison.Ordinal);

        var run = await CliRun.ValidateYamlAsync(yaml);

        Assert.Equal("chat-hpa", run.Report("chat-prometheus").Hpa!.Name);
    }

    [Fact]
    public async Task Validate_Example_HpaListsTheTriggersMetric()
    {
        var run = await CliRun.RunAsync("validate", RepositoryPaths.Example("servicebus-order-processor.yaml"));

        Assert.Contains("hpa:     keda-hpa-order-scaler, min 1, max 10, metrics s0-azure-servicebus-orders", run.Stdout, StringComparison.Ordinal);
    }
}
