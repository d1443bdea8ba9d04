namespace Operator.Leadership;

/// <summary>KEDA's Lease (<c>operator.keda.sh</c> in the operator namespace) and client-go's timings.</summary>
public static class LeaderElectionDefaults
{
    public const string LeaseName = "operator.keda.sh";
    public const string LeaseNamespace = "keda";
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan RenewDeadline = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(2);
}
