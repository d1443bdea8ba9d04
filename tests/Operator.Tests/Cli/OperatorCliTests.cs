using Operator.Cli;

namespace Operator.Tests.Cli;

public sealed class OperatorCliTests
{
    [Fact]
    public async Task Run_UnknownCommand_ReturnsUsageError()
    {
        var exit = await OperatorCli.RunAsync(["frobnicate"]);
        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task Run_Help_PrintsUsageAndSucceeds()
    {
        var run = await CliRun.RunAsync("help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("validate <PATHS>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("explain <NAMESPACE/NAME>", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help", "validate")]
    [InlineData("validate", "--help")]
    public async Task Help_OfValidate_ListsItsOptionsAndAcceptedValues(string first, string second)
    {
        var run = await CliRun.RunAsync(first, second);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("-o, --output <text|json>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--kubeconfig <PATH>", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoCommand_ExitsTwoWithTheHelpOnStderr()
    {
        var run = await CliRun.RunAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Required command was not provided", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("validate <PATHS>", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--metrics-port", "0", "run: --metrics-port: '0' is not a port (1-65535)")]
    [InlineData("--health-port", "http", "run: --health-port: 'http' is not a port (1-65535)")]
    [InlineData("--scaling-mode", "fast", "run: --scaling-mode: 'fast' is not accepted; accepted values: hpa, direct")]
    [InlineData("--adapter-address", "localhost", "run: --adapter-address: 'localhost' is not an IP address")]
    public async Task Run_BadOptionValue_ExitsTwoNamingTheOptionAndWhatItAccepts(string option, string value, string message)
    {
        var run = await CliRun.RunAsync("run", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BadOutput_NamesTheAcceptedValues()
    {
        var run = await CliRun.RunAsync("validate", "-o", "yaml", RepositoryPaths.Examples);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("validate: --output: 'yaml' is not accepted; accepted values: text, json", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_OutputWithEquals_IsAccepted()
    {
        var run = await CliRun.RunAsync("validate", "--output=json", RepositoryPaths.Example("openshift-triggers.yaml"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(4, run.Reports.Count);
    }

    [Fact]
    public async Task Validate_NoPaths_IsAUsageError()
    {
        var run = await CliRun.RunAsync("validate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give at least one file or directory", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--output", "yaml")]
    [InlineData("--frobnicate", "x")]
    public async Task Validate_BadOption_IsAUsageError(string option, string value)
    {
        var run = await CliRun.RunAsync("validate", option, value, RepositoryPaths.Examples);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsTwoNamingTheFile()
    {
        var run = await CliRun.RunAsync("validate", "/nonexistent/scaledobject.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/nonexistent/scaledobject.yaml: no such file or directory", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_YamlSyntaxError_ExitsTwoWithFileLineAndColumn()
    {
        var run = await CliRun.ValidateYamlAsync("""
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata:
              name: so
               namespace: ns
            """);

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"validate-[0-9a-f]+\.yaml:5:\d+: YAML syntax error", run.Stderr);
    }

    [Fact]
    public async Task Validate_WrongFieldType_ExitsTwoWithFileLineAndField()
    {
        var run = await CliRun.ValidateYamlAsync("""
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: so}
            spec:
              scaleTargetRef: {name: web}
              maxReplicaCount: ten
              triggers: []
            """);

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"\.yaml:6:20: spec\.maxReplicaCount: wrong type, expected an integer", run.Stderr);
    }

    [Fact]
    public async Task Validate_ExamplesDirectory_AllValidExitZero()
    {
        var run = await CliRun.RunAsync("validate", "--output", "json", RepositoryPaths.Examples);

        Assert.Equal(0, run.ExitCode);
        Assert.All(run.Reports, r => Assert.True(r.Valid, $"{r.Name}: {string.Join("; ", r.Errors)}"));
        Assert.Equal(7, run.Reports.Count);
    }

    [Theory]
    [InlineData("amazon-managed-prometheus.yaml", "chat-prometheus", "keda-hpa-chat-prometheus", 1, 5)]
    [InlineData("azure-managed-prometheus.yaml", "web-managed-prometheus", "keda-hpa-web-managed-prometheus", 1, 20)]
    [InlineData("servicebus-order-processor.yaml", "order-scaler", "keda-hpa-order-scaler", 1, 10)]
    [InlineData("openshift-triggers.yaml", "prom-scaledobject", "keda-hpa-prom-scaledobject", 1, 100)]
    [InlineData("openshift-triggers.yaml", "cpu-scaledobject", "keda-hpa-cpu-scaledobject", 1, 100)]
    [InlineData("openshift-triggers.yaml", "memory-scaledobject", "keda-hpa-memory-scaledobject", 1, 100)]
    [InlineData("openshift-triggers.yaml", "kafka-scaledobject", "keda-hpa-kafka-scaledobject", 1, 100)]
    public async Task Validate_Example_ReportsTheHpaOfItsHeader(string file, string name, string hpaName, int min, int max)
    {
        var run = await CliRun.RunAsync("validate", "--output", "json", RepositoryPaths.Example(file));

        var report = run.Report(name);
        Assert.True(report.Valid, string.Join("; ", report.Errors));
        Assert.Equal((hpaName, min, max), (report.Hpa!.Name, report.Hpa.MinReplicas, report.Hpa.MaxReplicas));
    }

    [Fact]
    public async Task Validate_TextOutput_SaysValidPerObject()
    {
        var run = await CliRun.RunAsync("validate", RepositoryPaths.Example("openshift-triggers.yaml"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ScaledObject my-namespace/kafka-scaledobject: valid", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("hpa:     keda-hpa-cpu-scaledobject, min 1, max 100, metrics cpu", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("4 valid, 0 invalid", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_UnknownKind_IsANoteNotAnError()
    {
        var run = await CliRun.ValidateYamlAsync("""
            apiVersion: v1
            kind: Service
            metadata: {name: svc}
            """);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Reports);
        Assert.Contains("ignored Service (v1)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ScaledJob_HasNoHpa()
    {
        var run = await CliRun.ValidateYamlAsync("""
            apiVersion: keda.sh/v1alpha1
            kind: ScaledJob
            metadata: {name: batch, namespace: jobs}
            spec:
              jobTargetRef:
                template:
                  spec:
                    containers: [{name: worker, image: example/worker:1}]
              triggers:
              - type: cron
                metadata: {timezone: Etc/UTC, start: 0 8 * * *, end: 0 18 * * *, desiredReplicas: "2"}
            """);

        var report = Assert.Single(run.Reports);
        Assert.Equal("ScaledJob", report.Kind);
        Assert.Null(report.Hpa);
        Assert.Contains("\"hpa\": null", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_EmptySpecAndTriggers_AreReportedNotCrashed()
    {
        var run = await CliRun.ValidateYamlAsync("""
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: empty}
            spec:
            ---
            apiVersion: keda.sh/v1alpha1
            kind: ScaledJob
            metadata: {name: job}
            spec:
              triggers:
              - type: cron
                metadata:
            """);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no triggers defined in the ScaledObject/ScaledJob", run.Report("empty").Errors);
        Assert.Contains("ScaledObject.spec.scaleTargetRef.name is missing", run.Report("empty").Errors);
        Assert.Contains(run.Report("job").Errors, e => e.Contains("missing required parameter \"start\"", StringComparison.Ordinal));
    }
}
