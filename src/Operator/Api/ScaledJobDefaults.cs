namespace Operator.Api;

/// <summary>KEDA's ScaledJob defaults (applied where KEDA applies them, never written back to the spec).</summary>
public static class ScaledJobDefaults
{
    /// <summary>Seconds between trigger checks (<c>withtriggers_types.go defaultPollingInterval</c>).</summary>
    public const int PollingInterval = 30;

    /// <summary>Finished Jobs kept per outcome (<c>scaledjob_controller.go</c> history cleanup).</summary>
    public const int SuccessfulJobsHistoryLimit = 100;

    public const int FailedJobsHistoryLimit = 100;

    public const int MinReplicaCount = 0;

    public const int MaxReplicaCount = 100;

    public const string RolloutStrategyDefault = "default";

    public const string RolloutStrategyGradual = "gradual";

    public const string ScalingStrategyDefault = "default";

    public const string MultipleScalersCalculationMax = "max";

    /// <summary>Label KEDA puts on the Jobs it creates.</summary>
    public const string ScaledJobNameLabel = "scaledjob.keda.sh/name";

    public const string Finalizer = "finalizer.keda.sh";
}
