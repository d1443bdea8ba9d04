namespace Operator.Tests.Cli;

/// <summary>Broken variants of the documented examples: each is reported invalid with KEDA's message.</summary>
public sealed class ValidateBrokenManifestTests
{
    private static string Example(string file) => File.ReadAllText(RepositoryPaths.Example(file));

    private static async Task<Operator.Cli.ScalableObjectReport> ValidateInvalidAsync(string yaml, string name)
    {
        var run = await CliRun.ValidateYamlAsync(yaml);
        Assert.Equal(1, run.ExitCode);
        var report = run.Report(name);
        Assert.False(report.Valid);
        return report;
    }

    [Fact]
    public async Task Validate_MissingSecret_IsInvalid()
    {
        var yaml = Example("openshift-triggers.yaml").Replace("metadata: {name: thanos-token,", "metadata: {name: other-token,", StringComparison.Ordinal);

        var report = await ValidateInvalidAsync(yaml, "prom-scaledobject");

        Assert.Contains(report.Errors, e => e.Contains("secrets \"thanos-token\" not found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_MissingTriggerAuthentication_IsInvalid()
    {
        var yaml = Example("azure-managed-prometheus.yaml").Replace("authenticationRef: {name: managed-prometheus-auth}", "authenticationRef: {name: typo-auth}", StringComparison.Ordinal);

        var report = await ValidateInvalidAsync(yaml, "web-managed-prometheus");

        Assert.Contains(report.Errors, e => e.Contains("triggerauthentications.keda.sh \"typo-auth\" not found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_MissingScaleTarget_IsInvalid()
    {
        var yaml = Example("servicebus-order-processor.yaml").Replace("scaleTargetRef: {name: order-processor}", "scaleTargetRef: {name: order-processer}", StringComparison.Ordinal);

        var report = await ValidateInvalidAsync(yaml, "order-scaler");

        Assert.Contains(report.Errors, e => e.Contains("deployments.apps \"order-processer\" not found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_EnvSourceContainerMissing_IsInvalid()
    {
        var yaml = Example("servicebus-order-processor.yaml").Replace("scaleTargetRef: {name: order-processor}", "scaleTargetRef: {name: order-processor, envSourceContainerName: sidecar}", StringComparison.Ordinal);

        var report = await ValidateInvalidAsync(yaml, "order-scaler");

        Assert.Contains("error resolving secrets for ScaleTarget: couldn't find container with name sidecar on Target object", report.Errors);
    }

    [Fact]
    public async Task Validate_SecretValues_AreNeverPrinted()
    {
        var yaml = Example("openshift-triggers.yaml").Replace("scaleTargetRef: {name: reporter}", "scaleTargetRef: {name: nobody}", StringComparison.Ordinal);

        var run = await CliRun.ValidateYamlAsync(yaml);

        Assert.DoesNotContain("example-token", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("MIIBjTCCATOgAwIBAgIU", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }
}
