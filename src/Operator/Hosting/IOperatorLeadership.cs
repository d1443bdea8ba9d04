namespace Operator.Hosting;

/// <summary>
/// The gate the controllers wait on before they write anything: leader election replaces the default (always the
/// leader) so only one replica scales. <see cref="LeadershipLost"/> is cancelled when leadership ends.
/// </summary>
public interface IOperatorLeadership
{
    /// <summary>Completes once this process leads; the token it returns is cancelled when it stops leading.</summary>
    Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken);
}
