using k8s.LeaderElection;
using Microsoft.Extensions.Logging;

namespace Operator.Leadership;

/// <summary>
/// client-go's <c>leaderelection.LeaderElector</c> over a lock (a Lease): acquire by retrying every RetryPeriod, then
/// renew every RetryPeriod; a renewal retries every RetryPeriod until it succeeds or RenewDeadline passes since the
/// last success, and only then is leadership lost. Any failure counts as a failed attempt: an API server that refuses
/// connections while it restarts costs the lease only when it stays away past the deadline. (KubernetesClient's
/// <see cref="LeaderElector"/> gives up at the first connection error, and reads the wall clock.)
/// </summary>
internal sealed class LeaseElector(ILock leaseLock, LeaderElectionOptions options, TimeProvider time, ILogger logger)
{
    // client-go's JitterFactor for the acquire loop.
    private const double AcquireJitter = 1.2;

    private LeaderElectionRecord? _observed;
    private long _observedAt;
    private string? _reportedLeader;

    public event Action? StartedLeading;

    public event Action<string>? NewLeader;

    /// <summary>Whether the last record this elector saw (or wrote) names it as the holder.</summary>
    public bool IsLeader => _observed?.HolderIdentity == leaseLock.Identity;

    /// <summary>Acquires, leads while renewals succeed, and returns true when leadership was lost (false when cancelled).</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        if (!await AcquireAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        StartedLeading?.Invoke();
        while (!cancellationToken.IsCancellationRequested)
        {
            var renewed = await RenewWithinDeadlineAsync(cancellationToken).ConfigureAwait(false);
            ReportTransition();
            if (!renewed)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return false;
                }

                LeadershipLog.RenewDeadlinePassed(logger, options.LeaseNamespace, options.LeaseName, options.RenewDeadline);
                return true;
            }

            if (!await DelayAsync(options.RetryPeriod, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return false;
    }

    private async Task<bool> AcquireAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var acquired = await TryAcquireOrRenewAsync(cancellationToken).ConfigureAwait(false);
            ReportTransition();
            if (acquired)
            {
                return true;
            }

            var jittered = options.RetryPeriod * (1 + (Random.Shared.NextDouble() * AcquireJitter));
            if (!await DelayAsync(jittered, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return false;
    }

    // client-go: wait.PollImmediateUntil(RetryPeriod, tryAcquireOrRenew, a context that ends after RenewDeadline).
    private async Task<bool> RenewWithinDeadlineAsync(CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(options.RenewDeadline, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        while (true)
        {
            if (await TryAcquireOrRenewAsync(linked.Token).ConfigureAwait(false))
            {
                return true;
            }

            if (!await DelayAsync(options.RetryPeriod, linked.Token).ConfigureAwait(false))
            {
                return false;
            }
        }
    }

    private async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await TryAcquireOrRenewCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex)
        {
            LeadershipLog.Error(logger, ex.Message);
            return false;
        }
    }

    private async Task<bool> TryAcquireOrRenewCoreAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var desired = new LeaderElectionRecord
        {
            HolderIdentity = leaseLock.Identity,
            LeaseDurationSeconds = (int)options.LeaseDuration.TotalSeconds,
            AcquireTime = now,
            RenewTime = now,
            LeaderTransitions = 0,
        };

        LeaderElectionRecord? current;
        try
        {
            current = await leaseLock.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            current = null;
        }

        if (current?.AcquireTime is null || current.RenewTime is null || current.HolderIdentity is null)
        {
            return await leaseLock.CreateAsync(desired, cancellationToken).ConfigureAwait(false) && Observe(desired);
        }

        // The lease's age is measured on this process's clock from when the record last changed, never from the
        // holder's timestamps (clocks differ between machines).
        if (!current.Equals(_observed))
        {
            Observe(current);
        }

        var held = !string.IsNullOrEmpty(current.HolderIdentity) && current.HolderIdentity != leaseLock.Identity;
        if (held && time.GetElapsedTime(_observedAt) < TimeSpan.FromSeconds(current.LeaseDurationSeconds))
        {
            return false;
        }

        if (current.HolderIdentity == leaseLock.Identity)
        {
            desired.AcquireTime = current.AcquireTime;
            desired.LeaderTransitions = current.LeaderTransitions;
        }
        else
        {
            desired.LeaderTransitions = current.LeaderTransitions + 1;
        }

        return await leaseLock.UpdateAsync(desired, cancellationToken).ConfigureAwait(false) && Observe(desired);
    }

    private bool Observe(LeaderElectionRecord record)
    {
        _observed = record;
        _observedAt = time.GetTimestamp();
        return true;
    }

    private void ReportTransition()
    {
        var leader = _observed?.HolderIdentity;
        if (!string.IsNullOrEmpty(leader) && leader != _reportedLeader)
        {
            _reportedLeader = leader;
            NewLeader?.Invoke(leader);
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
