namespace Operator.Leadership;

/// <summary>
/// Whether this operator process may act on the cluster. Controllers and scale loops await
/// <see cref="WaitForLeadershipAsync"/> before they write anything; without <c>--leader-elect</c> it completes at once.
/// A process that loses leadership stops itself (as controller-runtime does), so there is no "lost" state to handle.
/// </summary>
public interface ILeadershipGate
{
    bool IsLeader { get; }

    Task WaitForLeadershipAsync(CancellationToken cancellationToken);
}
