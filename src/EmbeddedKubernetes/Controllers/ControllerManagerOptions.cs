using EmbeddedKubernetes.Controllers.Pods;
using Kubernetes.Controller.Autoscaling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmbeddedKubernetes.Controllers;

/// <summary>Options of <see cref="ControllerManager"/> (kube-controller-manager flags that matter here).</summary>
public sealed class ControllerManagerOptions
{
    /// <summary>--horizontal-pod-autoscaler-sync-period (default 15 s).</summary>
    public TimeSpan HpaSyncPeriod { get; set; } = HpaDefaults.SyncPeriod;

    /// <summary>--horizontal-pod-autoscaler-tolerance (default 0.1).</summary>
    public double HpaTolerance { get; set; } = HpaDefaults.Tolerance;

    /// <summary>--horizontal-pod-autoscaler-downscale-stabilization (default 5 min).</summary>
    public TimeSpan HpaDownscaleStabilizationWindow { get; set; } = HpaDefaults.DownscaleStabilizationWindow;

    /// <summary>--horizontal-pod-autoscaler-cpu-initialization-period (default 5 min).</summary>
    public TimeSpan HpaCpuInitializationPeriod { get; set; } = HpaDefaults.CpuInitializationPeriod;

    /// <summary>--horizontal-pod-autoscaler-initial-readiness-delay (default 30 s).</summary>
    public TimeSpan HpaInitialReadinessDelay { get; set; } = HpaDefaults.InitialReadinessDelay;

    /// <summary>Runs the pods; null means stub pods with default <see cref="StubPodOptions"/>.</summary>
    public IPodRuntime? PodRuntime { get; set; }

    /// <summary>Whether to run the embedded kubelet (pods get started and their status written).</summary>
    public bool RunKubelet { get; set; } = true;

    /// <summary>
    /// Keys each controller reconciles at once (kube-controller-manager's --concurrent-*-syncs, default 5); one key is
    /// never reconciled by two workers at the same time.
    /// </summary>
    public int Workers { get; set; } = 5;

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

    public void Validate()
    {
        if (Workers < 1)
        {
            throw new ArgumentException($"ControllerManagerOptions.Workers must be at least 1; got {Workers}.");
        }

        if (HpaSyncPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentException($"ControllerManagerOptions.HpaSyncPeriod must be positive; got {HpaSyncPeriod}.");
        }

        if (HpaTolerance is < 0 or >= 1 || double.IsNaN(HpaTolerance))
        {
            throw new ArgumentException($"ControllerManagerOptions.HpaTolerance must be in [0, 1); got {HpaTolerance}.");
        }

        if (HpaDownscaleStabilizationWindow < TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"ControllerManagerOptions.HpaDownscaleStabilizationWindow must be zero or positive; got {HpaDownscaleStabilizationWindow}.");
        }
    }
}
