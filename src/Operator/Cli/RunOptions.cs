using System.Net;
using Operator.Hosting;
using Operator.Leadership;
using Operator.Manifests;
using Operator.Telemetry;

namespace Operator.Cli;

/// <summary>The <c>run</c> flags; ports and leader election are read by the adapter/telemetry/leadership extensions.</summary>
public sealed record RunOptions
{
    public string? Kubeconfig { get; init; }

    public string? Context { get; init; }

    public string? WatchNamespace { get; init; }

    public ScalingMode ScalingMode { get; init; } = ScalingMode.Hpa;

    public int? MetricsPort { get; init; }

    public int? HealthPort { get; init; }

    public bool LeaderElect { get; init; }

    /// <summary>Where the metrics adapter listens (<c>--adapter-address</c>); 127.0.0.1 unless given.</summary>
    public IPAddress? AdapterAddress { get; init; }

    public int? AdapterPort { get; init; }

    /// <summary><c>--horizontal-pod-autoscaler-tolerance</c> (direct mode only).</summary>
    public double? HpaTolerance { get; init; }

    /// <summary><c>--horizontal-pod-autoscaler-downscale-stabilization</c> (direct mode only).</summary>
    public TimeSpan? HpaDownscaleStabilization { get; init; }

    /// <summary><c>--horizontal-pod-autoscaler-sync-period</c> (direct mode only).</summary>
    public TimeSpan? HpaSyncPeriod { get; init; }

    /// <summary><c>--horizontal-pod-autoscaler-cpu-initialization-period</c> (direct mode only).</summary>
    public TimeSpan? HpaCpuInitializationPeriod { get; init; }

    /// <summary><c>--horizontal-pod-autoscaler-initial-readiness-delay</c> (direct mode only).</summary>
    public TimeSpan? HpaInitialReadinessDelay { get; init; }

    /// <summary>
    /// What to warn about before running: HPA controller flags given without <c>--scaling-mode direct</c> are
    /// ignored, since in <c>hpa</c> mode the cluster's kube-controller-manager runs the HPA with its own settings.
    /// </summary>
    public IReadOnlyList<string> Warnings()
    {
        if (ScalingMode == ScalingMode.Direct)
        {
            return [];
        }

        var given = new (string Flag, bool Given)[]
        {
            (DirectModeFlags.Tolerance, HpaTolerance is not null),
            (DirectModeFlags.DownscaleStabilization, HpaDownscaleStabilization is not null),
            (DirectModeFlags.SyncPeriod, HpaSyncPeriod is not null),
            (DirectModeFlags.CpuInitializationPeriod, HpaCpuInitializationPeriod is not null),
            (DirectModeFlags.InitialReadinessDelay, HpaInitialReadinessDelay is not null),
        };
        return [.. given.Where(g => g.Given).Select(g =>
            $"warning: {g.Flag} applies only with --scaling-mode direct and is ignored: in hpa mode the cluster's HPA controller uses kube-controller-manager's own setting")];
    }

    /// <summary>The adapter, metrics and health listeners; out of cluster the adapter registers its own APIService.</summary>
    public void Apply(OperatorEndpointsOptions options, bool inCluster)
    {
        options.MetricsPort = MetricsPort ?? options.MetricsPort;
        options.HealthPort = HealthPort ?? options.HealthPort;
        options.AdapterPort = AdapterPort ?? options.AdapterPort;
        options.AdapterBindAddress = AdapterAddress ?? options.AdapterBindAddress;
        options.HttpBindAddress = inCluster ? IPAddress.Any : options.HttpBindAddress;
        // Direct mode needs no APIService: nothing reads external.metrics.k8s.io for our ScaledObjects (KEDA issue #470).
        options.RegisterApiService = !inCluster && ScalingMode == ScalingMode.Hpa;
    }

    public LeaderElectionOptions LeaderElection() => new() { Enabled = LeaderElect };

    public void Apply(OperatorOptions options)
    {
        options.KubeconfigPath = Kubeconfig;
        options.Context = Context;
        options.WatchNamespace = WatchNamespace;
        options.ScalingMode = ScalingMode;
        if (ScalingMode == ScalingMode.Direct)
        {
            options.DirectTolerance = HpaTolerance ?? options.DirectTolerance;
            options.DirectDownscaleStabilizationWindow = HpaDownscaleStabilization ?? options.DirectDownscaleStabilizationWindow;
            options.DirectSyncPeriod = HpaSyncPeriod ?? options.DirectSyncPeriod;
            options.DirectCpuInitializationPeriod = HpaCpuInitializationPeriod ?? options.DirectCpuInitializationPeriod;
            options.DirectInitialReadinessDelay = HpaInitialReadinessDelay ?? options.DirectInitialReadinessDelay;
        }

        options.ClusterObjectNamespace = Environment.GetEnvironmentVariable("KEDA_CLUSTER_OBJECT_NAMESPACE") is { Length: > 0 } ns
            ? ns
            : ManifestKinds.DefaultClusterObjectNamespace;
        options.TraceLinks.ServiceBusEmulatorAmqpPort =
            TraceLinkOptions.ParsePort(Environment.GetEnvironmentVariable(TraceLinkDefaults.ServiceBusEmulatorAmqpPortVariable));
    }

    /// <summary>Parses <c>run</c>'s flags with the command's own definition; null and the messages when they do not parse.</summary>
    public static RunOptions? Parse(IReadOnlyList<string> args, out string? error) => RunCommand.Parse(args, out error);
}
