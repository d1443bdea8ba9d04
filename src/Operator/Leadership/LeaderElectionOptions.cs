namespace Operator.Leadership;

/// <summary>Leader election on a coordination.k8s.io/v1 Lease (<c>--leader-elect</c>); defaults are client-go's and KEDA's.</summary>
public sealed class LeaderElectionOptions
{
    public bool Enabled { get; set; }

    /// <summary>Namespace of the Lease: the operator's own namespace.</summary>
    public string LeaseNamespace { get; set; } = LeaderElectionDefaults.LeaseNamespace;

    public string LeaseName { get; set; } = LeaderElectionDefaults.LeaseName;

    /// <summary>This process's identity in <c>spec.holderIdentity</c>; defaults to <c>{hostname}_{uuid}</c> as client-go.</summary>
    public string? Identity { get; set; }

    public TimeSpan LeaseDuration { get; set; } = LeaderElectionDefaults.LeaseDuration;

    public TimeSpan RenewDeadline { get; set; } = LeaderElectionDefaults.RenewDeadline;

    public TimeSpan RetryPeriod { get; set; } = LeaderElectionDefaults.RetryPeriod;

    /// <summary>Fails fast on settings the elector cannot work with, naming the setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(LeaseNamespace) || string.IsNullOrWhiteSpace(LeaseName))
        {
            throw new ArgumentException("leader election: LeaseNamespace and LeaseName must not be empty");
        }

        if (LeaseDuration <= RenewDeadline || RenewDeadline <= RetryPeriod || RetryPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"leader election: need LeaseDuration ({LeaseDuration}) > RenewDeadline ({RenewDeadline}) > RetryPeriod ({RetryPeriod}) > 0");
        }
    }
}
