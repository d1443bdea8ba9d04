namespace Operator.Leadership;

/// <summary>The gate when leader election is off: a single replica always leads.</summary>
internal sealed class AlwaysLeader : ILeadershipGate
{
    public bool IsLeader => true;

    public Task WaitForLeadershipAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
