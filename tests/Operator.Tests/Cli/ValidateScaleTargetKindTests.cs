using Operator.Tests.Support;

namespace Operator.Tests.Cli;

/// <summary>
/// Offline, the scale target's resource (<c>scaleTargetGVKR</c>) of a custom kind comes from a CustomResourceDefinition
/// of the input, else it is a guess the report says was not checked. Kind <c>Cactus</c> is served as <c>cacti</c>.
/// </summary>
public sealed class ValidateScaleTargetKindTests
{
    private const string Group = "validate-test.example.com";

    private static readonly string CactusCrd = ScalableCrd.Yaml("cacti", "cactus", "Cactus", Group);

    private static string ScaledObject(string apiVersion = $"{Group}/v1", string kind = "Cactus") => $$"""
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: prickly, namespace: garden}
        spec:
          scaleTargetRef: {apiVersion: {{apiVersion}}, kind: {{kind}}, name: prickly}
          triggers:
          - type: cron
            metadata: {timezone: Etc/UTC, start: "0 8 * * *", end: "0 18 * * *", desiredReplicas: "2"}
        """;

    [Fact]
    public async Task Validate_Offline_ACustomKindDefinedByACrdInTheInput_TakesThePluralOfTheCrd()
    {
        var run = await CliRun.ValidateYamlAsync(CactusCrd + "\n---\n" + ScaledObject());

        Assert.Equal(0, run.ExitCode);
        var report = run.Report("prickly");
        Assert.Equal((Group, "v1", "Cactus", "cacti"),
            (report.ScaleTargetGvkr!.Group, report.ScaleTargetGvkr.Version, report.ScaleTargetGvkr.Kind, report.ScaleTargetGvkr.Resource));
        Assert.DoesNotContain(report.Warnings, w => w.Contains("is a guess", StringComparison.Ordinal));
        Assert.DoesNotContain("ignored CustomResourceDefinition", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Offline_ACustomKindNoCrdOfTheInputDefines_IsGuessed_AndWarnedAsNotChecked()
    {
        var run = await CliRun.ValidateYamlAsync(ScaledObject());

        Assert.Equal(0, run.ExitCode);
        var report = run.Report("prickly");
        Assert.Equal("cactuss", report.ScaleTargetGvkr!.Resource);
        Assert.Contains(
            $"scale target kind {Group}/v1.Cactus is neither built in nor defined by a CustomResourceDefinition in the input: its resource \"cactuss\" is a guess, not checked (KEDA maps the kind through the cluster's API discovery; validate --kubeconfig checks a cluster)",
            report.Warnings);
    }

    [Fact]
    public async Task Validate_Offline_AVersionTheCrdOfTheInputDoesNotServe_IsKedasNoMatchError()
    {
        var run = await CliRun.ValidateYamlAsync(CactusCrd + "\n---\n" + ScaledObject(apiVersion: $"{Group}/v2"));

        Assert.Equal(1, run.ExitCode);
        var report = run.Report("prickly");
        Assert.Contains($"no matches for kind \"Cactus\" in version \"{Group}/v2\"", report.Errors);
        Assert.Null(report.ScaleTargetGvkr);
    }

    [Fact]
    public async Task Validate_Offline_ABuiltInKind_IsMappedWithoutAWarning()
    {
        var run = await CliRun.ValidateYamlAsync(ScaledObject(apiVersion: "apps/v1", kind: "ReplicaSet"));

        var report = run.Report("prickly");
        Assert.Equal("replicasets", report.ScaleTargetGvkr!.Resource);
        Assert.DoesNotContain(report.Warnings, w => w.Contains("is a guess", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_TextReport_ShowsTheTargetsGvkAndResource()
    {
        var file = Path.Combine(Path.GetTempPath(), $"validate-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, CactusCrd + "\n---\n" + ScaledObject(), TestContext.Current.CancellationToken);
        try
        {
            var run = await CliRun.RunAsync("validate", file);

            Assert.Contains($"  target:  {Group}/v1.Cactus, resource cacti", run.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
