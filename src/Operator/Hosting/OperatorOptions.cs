using Kubernetes.Controller.Autoscaling;
using Operator.Manifests;

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

    public void Validate()
    {
        if (DirectTolerance < 0 || DirectDownscaleStabilizationWindow < TimeSpan.Zero || DirectCpuInitializationPeriod < TimeSpan.Zero)
        {
            throw new ArgumentException(
                "DirectTolerance, DirectDownscaleStabilizationWindow and DirectCpuInitializationPeriod must not be negative", nameof(DirectTolerance));
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
