using Kubernetes.Controller.Autoscaling;
using Operator.Manifests;
using Operator.Telemetry;

namespace Operator.Hosting;

/// <summary>Settings of the running operator (<c>run</c> flags); validated at startup.</summary>
public sealed class OperatorOptions
{
    /// <summary>kubeconfig file (<c>--kubeconfig</c>); null: in-cluster, else KUBECONFIG or ~/.kube/config.</summary>
    public string? KubeconfigPath { get; set; }

    /// <summary>kubeconfig context (<c>--context</c>); null: the current context.</summary>
    public string? Context { get; set; }

    /// <summary>Only ScaledObjects (and what they reference) in this namespace; null watches all namespaces.</summary>
    public string? WatchNamespace { get; set; }

    /// <summary>Where ClusterTriggerAuthentications find their Secrets (KEDA_CLUSTER_OBJECT_NAMESPACE, default <c>keda</c>).</summary>
    public string ClusterObjectNamespace { get; set; } = ManifestKinds.DefaultClusterObjectNamespace;

    public ScalingMode ScalingMode { get; set; } = ScalingMode.Hpa;

    /// <summary>Workers of the reconcile queue and of the scale-loop scheduler (not one per ScaledObject).</summary>
    public int Workers { get; set; } = OperatorDefaults.Workers;

    /// <summary>The <c>app.kubernetes.io/version</c> label KEDA puts on the HPAs it creates.</summary>
    public string Version { get; set; } = OperatorDefaults.Version;

    /// <summary>Direct mode's HPA tolerance (kube-controller-manager's <c>--horizontal-pod-autoscaler-tolerance</c>).</summary>
    public double DirectTolerance { get; set; } = HpaDefaults.Tolerance;

    /// <summary>Direct mode's scale-down stabilization without <c>behavior</c> (<c>--horizontal-pod-autoscaler-downscale-stabilization</c>).</summary>
    public TimeSpan DirectDownscaleStabilizationWindow { get; set; } = HpaDefaults.DownscaleStabilizationWindow;

    /// <summary>Direct mode: how long CPU samples of a new pod are distrusted (<c>--horizontal-pod-autoscaler-cpu-initialization-period</c>).</summary>
    public TimeSpan DirectCpuInitializationPeriod { get; set; } = HpaDefaults.CpuInitializationPeriod;

    /// <summary>Direct mode: how long after start a pod's readiness change counts as initial (<c>--horizontal-pod-autoscaler-initial-readiness-delay</c>).</summary>
    public TimeSpan DirectInitialReadinessDelay { get; set; } = HpaDefaults.InitialReadinessDelay;

    /// <summary>
    /// Direct mode: while the target has replicas, polls come at least this often, as the HPA controller syncs
    /// (<c>--horizontal-pod-autoscaler-sync-period</c>); a longer <c>pollingInterval</c> is shortened to it.
    /// </summary>
    public TimeSpan DirectSyncPeriod { get; set; } = HpaDefaults.SyncPeriod;

    /// <summary>Links from scale-up decision spans to the traces of the waiting messages.</summary>
    public TraceLinkOptions TraceLinks { get; set; } = new();

    public void Validate()
    {
        TraceLinks.Validate();
        var error = DirectModeFlags.CheckTolerance(DirectTolerance)
            ?? DirectModeFlags.CheckDuration(DirectModeFlags.DownscaleStabilization, DirectDownscaleStabilizationWindow)
            ?? DirectModeFlags.CheckDuration(DirectModeFlags.CpuInitializationPeriod, DirectCpuInitializationPeriod)
            ?? DirectModeFlags.CheckDuration(DirectModeFlags.InitialReadinessDelay, DirectInitialReadinessDelay)
            ?? DirectModeFlags.CheckDuration(DirectModeFlags.SyncPeriod, DirectSyncPeriod);
        if (error is not null)
        {
            throw new ArgumentException(error);
        }

        if (Workers < 1)
        {
            throw new ArgumentException($"Workers must be at least 1 (got {Workers})", nameof(Workers));
        }

        if (string.IsNullOrWhiteSpace(ClusterObjectNamespace))
        {
            throw new ArgumentException("ClusterObjectNamespace must name a namespace", nameof(ClusterObjectNamespace));
        }
    }
}
