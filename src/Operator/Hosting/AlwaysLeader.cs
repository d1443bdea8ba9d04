namespace Operator.Hosting;

/// <summary>No leader election (<c>--leader-elect</c> off): this process always leads.</summary>
internal sealed class AlwaysLeader : IOperatorLeadership
{
    public Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken) => Task.FromResult(CancellationToken.None);
}
