using System.Diagnostics;
using Operator.Tests.Cli;

namespace Operator.Tests.Deploy;

/// <summary><c>validate</c> on the order sample's manifests (deploy/sample), as files and as kustomize renders them.</summary>
public sealed class SampleManifestTests
{
    private static string Sample => Path.Combine(RepositoryPaths.Root, "deploy", "sample");

    [Fact]
    public async Task Validate_SampleBase_BothScaledObjectsValidWithTheirHpas()
    {
        var run = await CliRun.RunAsync("validate", "--output", "json", Path.Combine(Sample, "base"));

        Assert.Equal(0, run.ExitCode);
        var serviceBus = run.Report("order-processor-scaler");
        Assert.Equal("keda-dotnet-sample", serviceBus.Namespace);
        Assert.Equal("keda-hpa-order-processor-scaler", serviceBus.Hpa!.Name);
        Assert.Equal(10, serviceBus.Hpa.MaxReplicas);
        Assert.Equal("s0-azure-servicebus-orders", Assert.Single(serviceBus.Triggers).MetricName);
        var kafka = run.Report("order-processor-kafka-scaler");
        Assert.Equal("keda-hpa-order-processor-kafka-scaler", kafka.Hpa!.Name);
        Assert.Equal("s0-kafka-orders", Assert.Single(kafka.Triggers).MetricName);
    }

    [Theory]
    [InlineData("", new[] { "order-processor-scaler", "order-processor-kafka-scaler" })]
    [InlineData("prometheus", new[] { "order-processor-prometheus-scaler", "order-processor-kafka-scaler" })]
    public async Task Validate_KustomizeRender_EveryScaledObjectValid(string overlay, string[] scaledObjects)
    {
        var rendered = await KustomizeAsync(Path.Combine(Sample, overlay));
        if (rendered is null)
        {
            Assert.Skip("kubectl is not installed: kubectl kustomize cannot render deploy/sample (test.sh notes this)");
        }

        var run = await CliRun.ValidateYamlAsync(rendered);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(scaledObjects.Order(), run.Reports.Select(r => r.Name).Order());
        Assert.All(run.Reports, r => Assert.Empty(r.Errors));
    }

    private static async Task<string?> KustomizeAsync(string directory)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(directory);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, $"kubectl kustomize {directory} failed: {error}");
            return output;
        }
    }
}
