using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Operator.Leadership;

/// <summary>
/// Leader election on a coordination.k8s.io/v1 Lease with client-go's rules (<see cref="LeaseElector"/>). Opens the
/// <see cref="ILeadershipGate"/> when this process leads; when renewals keep failing past RenewDeadline (an API server
/// down that long) the lease is lost and the host stops (controller-runtime's behaviour, which KEDA's operator has: the
/// process exits and its pod restarts, so no half-running leader remains); a graceful stop releases the lease (client-go's
/// <c>ReleaseOnCancel</c>: empty holder, 1 s duration) so a standby takes over at once instead of after the lease expires.
/// Register it before the controllers: hosted services stop in reverse order, so the loops stop before the release.
/// </summary>
internal sealed class LeaseLeaderElection : BackgroundService, ILeadershipGate
{
    private readonly LeaderElectionOptions _options;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<LeaseLeaderElection> _logger;
    private readonly TimeProvider _time;
    private readonly LeaseLock _lock;
    private readonly TaskCompletionSource _leading = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopping;

    public LeaseLeaderElection(
        IKubernetes client, LeaderElectionOptions options, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<LeaseLeaderElection> logger)
    {
        options.Validate();
        _options = options;
        _lifetime = lifetime;
        _time = time;
        _logger = logger;
        Identity = options.Identity ?? $"{Environment.MachineName}_{Guid.NewGuid()}";
        _lock = new LeaseLock(client, options.LeaseNamespace, options.LeaseName, Identity);
    }

    public string Identity { get; }

    public bool IsLeader { get; private set; }

    /// <summary>Tests simulate a crashed leader (no graceful release) with this.</summary>
    internal bool SkipReleaseForTest { get; set; }

    public Task WaitForLeadershipAsync(CancellationToken cancellationToken) => _leading.Task.WaitAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var elector = new LeaseElector(_lock, _options, _time, _logger);
        elector.StartedLeading += () =>
        {
            IsLeader = true;
            LeadershipLog.Acquired(_logger, _options.LeaseNamespace, _options.LeaseName, Identity);
            _leading.TrySetResult();
        };
        elector.NewLeader += leader => LeadershipLog.NewLeader(_logger, leader);
        LeadershipLog.Attempting(_logger, _options.LeaseNamespace, _options.LeaseName, Identity);
        var lost = await elector.RunAsync(stoppingToken).ConfigureAwait(false);
        if (lost && IsLeader && !_stopping && !stoppingToken.IsCancellationRequested)
        {
            IsLeader = false;
            LeadershipLog.Lost(_logger, Identity);
            _lifetime.StopApplication();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (IsLeader && !SkipReleaseForTest)
        {
            await ReleaseAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            var current = await _lock.GetAsync(cancellationToken).ConfigureAwait(false);
            if (current?.HolderIdentity != Identity)
            {
                return;
            }

            var released = await _lock.UpdateAsync(new LeaderElectionRecord
            {
                HolderIdentity = "",
                LeaseDurationSeconds = 1,
                AcquireTime = current.AcquireTime,
                RenewTime = current.RenewTime,
                LeaderTransitions = current.LeaderTransitions,
            }, cancellationToken).ConfigureAwait(false);
            IsLeader = false;
            if (released)
            {
                LeadershipLog.Released(_logger, _options.LeaseNamespace, _options.LeaseName);
            }
        }
        catch (Exception ex) when (ex is k8s.Autorest.HttpOperationException or HttpRequestException or OperationCanceledException)
        {
            LeadershipLog.Error(_logger, "releasing the lease failed: " + ex.Message);
        }
    }
}
