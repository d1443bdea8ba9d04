namespace Kubernetes.Controller.Autoscaling;

/// <summary>
/// Defaults of kube-controller-manager's HPA controller (pkg/controller/podautoscaler/config/v1alpha1/defaults.go)
/// and of the autoscaling/v2 API defaulting (pkg/apis/autoscaling/v2/defaults.go).
/// </summary>
public static class HpaDefaults
{
    /// <summary>--horizontal-pod-autoscaler-sync-period.</summary>
    public static readonly TimeSpan SyncPeriod = TimeSpan.FromSeconds(15);

    /// <summary>--horizontal-pod-autoscaler-downscale-stabilization.</summary>
    public static readonly TimeSpan DownscaleStabilizationWindow = TimeSpan.FromMinutes(5);

    /// <summary>--horizontal-pod-autoscaler-cpu-initialization-period.</summary>
    public static readonly TimeSpan CpuInitializationPeriod = TimeSpan.FromMinutes(5);

    /// <summary>--horizontal-pod-autoscaler-initial-readiness-delay.</summary>
    public static readonly TimeSpan InitialReadinessDelay = TimeSpan.FromSeconds(30);

    /// <summary>--horizontal-pod-autoscaler-tolerance (both directions).</summary>
    public const double Tolerance = 0.1;

    /// <summary>spec.minReplicas when unset.</summary>
    public const int MinReplicas = 1;

    /// <summary>Without spec.behavior, one sync may at most double the replicas (scaleUpLimitFactor).</summary>
    public const double ScaleUpLimitFactor = 2.0;

    /// <summary>... but may always go up to this many (scaleUpLimitMinimum).</summary>
    public const double ScaleUpLimitMinimum = 4.0;

    /// <summary>Default scale-up policies: 4 pods or 100 % per 15 s, whichever is larger.</summary>
    public const int ScaleUpPodsValue = 4;

    public const int ScaleUpPercentValue = 100;

    public const int ScaleDownPercentValue = 100;

    public const int PolicyPeriodSeconds = 15;

    public const int ScaleUpStabilizationWindowSeconds = 0;

    /// <summary>Default CPU utilization target when an HPA lists no metrics.</summary>
    public const int CpuUtilization = 80;

    public const string SelectPolicyMax = "Max";
    public const string SelectPolicyMin = "Min";
    public const string SelectPolicyDisabled = "Disabled";
    public const string PolicyTypePods = "Pods";
    public const string PolicyTypePercent = "Percent";
}
