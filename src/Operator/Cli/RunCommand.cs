using System.CommandLine;
using System.Net;
using k8s;
using k8s.Exceptions;
using Kubernetes.Controller.Autoscaling;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Operator.Hosting;
using Operator.Leadership;
using Operator.ScaleLoop;

namespace Operator.Cli;

/// <summary>
/// <c>run [--kubeconfig PATH] [--context NAME] [--watch-namespace NS] [--scaling-mode hpa|direct] [--metrics-port N]
/// [--health-port N] [--adapter-address IP] [--adapter-port N] [--leader-elect] [--horizontal-pod-autoscaler-* ...]</c>:
/// the operator as a Generic Host until Ctrl+C/SIGTERM (graceful shutdown).
/// </summary>
internal sealed class RunCommand
{
    private static readonly Dictionary<string, ScalingMode> ScalingModes = new(StringComparer.Ordinal)
    {
        ["hpa"] = ScalingMode.Hpa,
        ["direct"] = ScalingMode.Direct,
    };

    private readonly Option<string?> _kubeconfig = CliOptions.Kubeconfig(OperatorCliText.KubeconfigForCluster);
    private readonly Option<string?> _context = CliOptions.Context();
    private readonly Option<string?> _watchNamespace = new("--watch-namespace")
    {
        Description = "Handle ScaledObjects of this namespace only (default: all namespaces).",
        HelpName = "NS",
    };

    private readonly Option<ScalingMode> _scalingMode = CliOptions.OneOf(
        "--scaling-mode", "hpa: an HPA reads the operator's metrics adapter (KEDA's way); direct: the operator writes /scale itself.",
        ScalingModes, ScalingMode.Hpa);

    private readonly Option<int?> _metricsPort = CliOptions.Port("--metrics-port", $"Port of /metrics and /decisions (default {OperatorEndpointsDefaults.MetricsPort}).");
    private readonly Option<int?> _healthPort = CliOptions.Port("--health-port", $"Port of /healthz and /readyz (default {OperatorEndpointsDefaults.HealthPort}).");
    private readonly Option<IPAddress?> _adapterAddress = CliOptions.Address(
        "--adapter-address", "Address the external metrics adapter listens on (default 127.0.0.1; 0.0.0.0 in a pod).");

    private readonly Option<int?> _adapterPort = CliOptions.Port("--adapter-port", $"Port of the external metrics adapter (default {OperatorEndpointsDefaults.AdapterPort}).");
    private readonly Option<bool> _leaderElect = new("--leader-elect")
    {
        Description = "Scale only while holding the coordination.k8s.io Lease (run two replicas for failover).",
    };

    // kube-controller-manager's HPA flags, used by direct mode only (same names and defaults).
    private readonly Option<double?> _tolerance = CliOptions.Tolerance(
        $"Direct mode: the minimum change (from 1.0) in the desired-to-actual metrics ratio before scaling (default {HpaDefaults.Tolerance}).");

    private readonly Option<TimeSpan?> _downscaleStabilization = CliOptions.Duration(DirectModeFlags.DownscaleStabilization,
        $"Direct mode: how far back the highest recommendation holds a scale-down without behavior (default {DirectModeFlags.Format(HpaDefaults.DownscaleStabilizationWindow)}).");

    private readonly Option<TimeSpan?> _syncPeriod = CliOptions.Duration(DirectModeFlags.SyncPeriod,
        $"Direct mode: while the target has replicas, poll at least this often (default {DirectModeFlags.Format(HpaDefaults.SyncPeriod)}).");

    private readonly Option<TimeSpan?> _cpuInitializationPeriod = CliOptions.Duration(DirectModeFlags.CpuInitializationPeriod,
        $"Direct mode: after a pod starts, how long its CPU samples are distrusted (default {DirectModeFlags.Format(HpaDefaults.CpuInitializationPeriod)}).");

    private readonly Option<TimeSpan?> _initialReadinessDelay = CliOptions.Duration(DirectModeFlags.InitialReadinessDelay,
        $"Direct mode: after a pod starts, how long readiness changes count as initial readiness (default {DirectModeFlags.Format(HpaDefaults.InitialReadinessDelay)}).");

    private RunCommand()
    {
        Command = new Command("run", "Run the operator against a cluster (in-cluster or KUBECONFIG without --kubeconfig); Ctrl+C stops it gracefully.")
        {
            _kubeconfig, _context, _watchNamespace, _scalingMode, _metricsPort, _healthPort, _adapterAddress, _adapterPort, _leaderElect,
            _tolerance, _downscaleStabilization, _syncPeriod, _cpuInitializationPeriod, _initialReadinessDelay,
        };
    }

    public Command Command { get; }

    public static Command Create()
    {
        var run = new RunCommand();
        run.Command.SetAction((parse, _) => RunAsync(run.Bind(parse), parse.InvocationConfiguration.Error));
        return run.Command;
    }

    /// <summary>Parses <c>run</c>'s arguments (without the command name); null with the parser's messages when they do not parse.</summary>
    public static RunOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var run = new RunCommand();
        var parse = run.Command.Parse(args);
        error = parse.Errors.Count == 0 ? null : string.Join(Environment.NewLine, parse.Errors.Select(e => e.Message));
        return error is null ? run.Bind(parse) : null;
    }

    private RunOptions Bind(ParseResult parse) => new()
    {
        Kubeconfig = parse.GetValue(_kubeconfig),
        Context = parse.GetValue(_context),
        WatchNamespace = parse.GetValue(_watchNamespace),
        ScalingMode = parse.GetValue(_scalingMode),
        MetricsPort = parse.GetValue(_metricsPort),
        HealthPort = parse.GetValue(_healthPort),
        AdapterAddress = parse.GetValue(_adapterAddress),
        AdapterPort = parse.GetValue(_adapterPort),
        LeaderElect = parse.GetValue(_leaderElect),
        HpaTolerance = parse.GetValue(_tolerance),
        HpaDownscaleStabilization = parse.GetValue(_downscaleStabilization),
        HpaSyncPeriod = parse.GetValue(_syncPeriod),
        HpaCpuInitializationPeriod = parse.GetValue(_cpuInitializationPeriod),
        HpaInitialReadinessDelay = parse.GetValue(_initialReadinessDelay),
    };

    private static async Task<int> RunAsync(RunOptions options, TextWriter stderr)
    {
        foreach (var warning in options.Warnings())
        {
            await stderr.WriteLineAsync($"run: {warning}").ConfigureAwait(false);
        }

        // The cluster's configuration is read once up front, so a missing kubeconfig or context is a plain error, not a host
        // that fails to start with a stack trace.
        try
        {
            _ = KubernetesConfiguration.Load(options.Kubeconfig, options.Context);
        }
        catch (KubeConfigException e)
        {
            await stderr.WriteLineAsync($"run: cannot use the cluster configuration ({ConfigurationSource(options)}): {e.Message}").ConfigureAwait(false);
            return OperatorCli.ExitUsage;
        }

        WebApplication app;
        try
        {
            app = BuildHost(options);
        }
        catch (ArgumentException e)
        {
            await stderr.WriteLineAsync($"run: {e.Message}").ConfigureAwait(false);
            return OperatorCli.ExitUsage;
        }

        await using (app.ConfigureAwait(false))
        {
            await app.RunAsync().ConfigureAwait(false);
        }

        return 0;
    }

    private static string ConfigurationSource(RunOptions options) =>
        options.Kubeconfig is { Length: > 0 } path ? $"--kubeconfig {path}"
        : Environment.GetEnvironmentVariable("KUBECONFIG") is { Length: > 0 } env ? $"KUBECONFIG={env}"
        : "no --kubeconfig, not in a cluster, no KUBECONFIG: ~/.kube/config";

    /// <summary>
    /// The operator's host as <c>run</c> starts it, built but not started; an <see cref="ArgumentException"/> names a
    /// flag whose value cannot be used.
    /// </summary>
    internal static WebApplication BuildHost(RunOptions options)
    {
        var endpoints = new OperatorEndpointsOptions();
        options.Apply(endpoints, KubernetesClientConfiguration.IsInCluster() && options.Kubeconfig is null);
        var builder = WebApplication.CreateSlimBuilder();
        // Request logs of the adapter and probes would drown the operator's own lines.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Decision spans and logs over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the AppHost sets it: the dashboard).
        builder.ConfigureOpenTelemetry(ScaledObjectPoller.ActivitySource.Name);
        // Leadership first: hosted services stop in reverse order, so the lease is released last.
        builder.Services.AddLeaderElection(options.LeaderElection());
        builder.AddOperatorEndpoints(endpoints);
        builder.Services.AddOperatorCore(options.Apply);
        var app = builder.Build();
        app.MapOperatorEndpoints();
        return app;
    }
}
