using Kubernetes.Controller.Autoscaling;
using Operator.Cli;
using Operator.Hosting;

namespace Operator.Tests.Cli;

/// <summary>kube-controller-manager's HPA flags on <c>run</c>, parsed by System.CommandLine, used by direct mode only.</summary>
public sealed class RunHpaFlagsTests
{
    private static readonly string[] AllFlags =
    [
        "--scaling-mode", "direct",
        "--horizontal-pod-autoscaler-tolerance", "0.25",
        "--horizontal-pod-autoscaler-downscale-stabilization", "1m30s",
        "--horizontal-pod-autoscaler-sync-period", "5s",
        "--horizontal-pod-autoscaler-cpu-initialization-period", "2m",
        "--horizontal-pod-autoscaler-initial-readiness-delay", "10s",
    ];

    [Fact]
    public void Parse_ReadsTheHpaControllerFlags_InGoDurationSyntax()
    {
        var options = RunOptions.Parse(AllFlags, out var error);

        Assert.Null(error);
        Assert.NotNull(options);
        Assert.Equal(0.25, options.HpaTolerance);
        Assert.Equal(TimeSpan.FromSeconds(90), options.HpaDownscaleStabilization);
        Assert.Equal(TimeSpan.FromSeconds(5), options.HpaSyncPeriod);
        Assert.Equal(TimeSpan.FromMinutes(2), options.HpaCpuInitializationPeriod);
        Assert.Equal(TimeSpan.FromSeconds(10), options.HpaInitialReadinessDelay);
    }

    [Fact]
    public void Apply_InDirectMode_SetsTheAlgorithmsSettings()
    {
        var operatorOptions = new OperatorOptions();

        RunOptions.Parse(AllFlags, out _)!.Apply(operatorOptions);

        Assert.Equal(0.25, operatorOptions.DirectTolerance);
        Assert.Equal(TimeSpan.FromSeconds(90), operatorOptions.DirectDownscaleStabilizationWindow);
        Assert.Equal(TimeSpan.FromSeconds(5), operatorOptions.DirectSyncPeriod);
        Assert.Equal(TimeSpan.FromMinutes(2), operatorOptions.DirectCpuInitializationPeriod);
        Assert.Equal(TimeSpan.FromSeconds(10), operatorOptions.DirectInitialReadinessDelay);
        operatorOptions.Validate();
    }

    [Fact]
    public void WithoutTheFlags_DirectModeKeepsKubeControllerManagersDefaults()
    {
        var operatorOptions = new OperatorOptions();

        RunOptions.Parse(["--scaling-mode", "direct"], out _)!.Apply(operatorOptions);

        Assert.Equal(HpaDefaults.Tolerance, operatorOptions.DirectTolerance);
        Assert.Equal(TimeSpan.FromMinutes(5), operatorOptions.DirectDownscaleStabilizationWindow);
        Assert.Equal(TimeSpan.FromSeconds(15), operatorOptions.DirectSyncPeriod);
        Assert.Equal(TimeSpan.FromMinutes(5), operatorOptions.DirectCpuInitializationPeriod);
        Assert.Equal(TimeSpan.FromSeconds(30), operatorOptions.DirectInitialReadinessDelay);
    }

    [Fact]
    public void InHpaMode_TheFlagsAreIgnored_WithAWarningNamingEach()
    {
        var options = RunOptions.Parse(
            ["--horizontal-pod-autoscaler-tolerance", "0.2", "--horizontal-pod-autoscaler-sync-period", "30s"], out _)!;
        var operatorOptions = new OperatorOptions();

        options.Apply(operatorOptions);

        Assert.Equal(HpaDefaults.Tolerance, operatorOptions.DirectTolerance);
        Assert.Equal(HpaDefaults.SyncPeriod, operatorOptions.DirectSyncPeriod);
        Assert.Collection(options.Warnings(),
            w => Assert.StartsWith("warning: --horizontal-pod-autoscaler-tolerance applies only with --scaling-mode direct", w, StringComparison.Ordinal),
            w => Assert.StartsWith("warning: --horizontal-pod-autoscaler-sync-period applies only with --scaling-mode direct", w, StringComparison.Ordinal));
    }

    [Fact]
    public void InDirectMode_NothingIsWarnedAbout() =>
        Assert.Empty(RunOptions.Parse(AllFlags, out _)!.Warnings());

    [Theory]
    [InlineData("--horizontal-pod-autoscaler-tolerance", "ten", "run: --horizontal-pod-autoscaler-tolerance: 'ten' is not a number; accepted: a fraction from 0 up to (not including) 1")]
    [InlineData("--horizontal-pod-autoscaler-tolerance", "10", "run: --horizontal-pod-autoscaler-tolerance: 10 is out of range; accepted: a fraction from 0 up to (not including) 1")]
    [InlineData("--horizontal-pod-autoscaler-tolerance", "-0.1", "run: --horizontal-pod-autoscaler-tolerance: -0.1 is out of range")]
    [InlineData("--horizontal-pod-autoscaler-downscale-stabilization", "300", "run: --horizontal-pod-autoscaler-downscale-stabilization: '300' is not a duration; accepted: Go syntax with a unit, e.g. 30s, 5m, 1m30s")]
    [InlineData("--horizontal-pod-autoscaler-downscale-stabilization", "-5m", "run: --horizontal-pod-autoscaler-downscale-stabilization: -5m0s is out of range; accepted: a duration from 0s to 24h0m0s")]
    [InlineData("--horizontal-pod-autoscaler-cpu-initialization-period", "48h", "run: --horizontal-pod-autoscaler-cpu-initialization-period: 48h0m0s is out of range; accepted: a duration from 0s to 24h0m0s")]
    [InlineData("--horizontal-pod-autoscaler-sync-period", "500ms", "run: --horizontal-pod-autoscaler-sync-period: 0.5s is out of range; accepted: a duration from 1s to 24h0m0s")]
    [InlineData("--horizontal-pod-autoscaler-initial-readiness-delay", "soon", "run: --horizontal-pod-autoscaler-initial-readiness-delay: 'soon' is not a duration")]
    public async Task Run_BadHpaFlag_ExitsTwoNamingTheFlagAndTheAcceptedRange(string flag, string value, string message)
    {
        var run = await CliRun.RunAsync("run", "--scaling-mode", "direct", flag, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunHelp_ListsTheHpaFlagsWithTheirDefaults()
    {
        var run = await CliRun.RunAsync("run", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--horizontal-pod-autoscaler-tolerance <FRACTION>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("(default 0.1)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--horizontal-pod-autoscaler-downscale-stabilization <DURATION>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("(default 5m0s)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--horizontal-pod-autoscaler-sync-period <DURATION>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("(default 15s)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--horizontal-pod-autoscaler-cpu-initialization-period <DURATION>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--horizontal-pod-autoscaler-initial-readiness-delay <DURATION>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("(default 30s)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void OperatorOptions_Validate_NamesTheFlagOfAnOutOfRangeSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new OperatorOptions { DirectTolerance = 1.5 }.Validate());

        Assert.Contains("--horizontal-pod-autoscaler-tolerance", error.Message, StringComparison.Ordinal);
    }
}
