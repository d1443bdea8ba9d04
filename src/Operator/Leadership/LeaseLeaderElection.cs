using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Operator.Leadership;

/// <summary>
/// Leader election on a coordination.k8s.io/v1 Lease with KubernetesClient's <see cref="LeaderElector"/>. Opens the
/// <see cref="ILeadershipGate"/> when this process leads; losing the lease stops the host (controller-runtime's
/// behaviour, so no half-running leader remains); a graceful stop releases the lease (client-go's
/// <c>ReleaseOnCancel</c>: empty holder, 1 s duration) so a standby takes over at once instead of after the lease expires.
/// Register it before the controllers: hosted services stop in reverse order, so the loops stop before the release.
/// </summary>
internal sealed class LeaseLeaderElection : BackgroundService, ILeadershipGate
{
    private readonly LeaderElectionOptions _options;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<LeaseLeaderElection> _logger;
    private readonly LeaseLock _lock;
    private readonly TaskCompletionSource _leading = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopping;

    public LeaseLeaderElection(IKubernetes client, LeaderElectionOptions options, IHostApplicationLifetime lifetime, ILogger<LeaseLeaderElection> logger)
    {
        options.Validate();
        _options = options;
        _lifetime = lifetime;
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
        using var elector = new LeaderElector(new LeaderElectionConfig(_lock)
        {
            LeaseDuration = _options.LeaseDuration,
            RenewDeadline = _options.RenewDeadline,
            RetryPeriod = _options.RetryPeriod,
        });
        elector.OnStartedLeading += () =>
        {
            IsLeader = true;
            LeadershipLog.Acquired(_logger, _options.LeaseNamespace, _options.LeaseName, Identity);
            _leading.TrySetResult();
        };
        elector.OnStoppedLeading += () =>
        {
            if (IsLeader && !_stopping && !stoppingToken.IsCancellationRequested)
            {
                LeadershipLog.Lost(_logger, Identity);
                _lifetime.StopApplication();
            }
        };
        elector.OnNewLeader += leader => LeadershipLog.NewLeader(_logger, leader);
        elector.OnError += error => LeadershipLog.Error(_logger, error.Message);
        LeadershipLog.Attempting(_logger, _options.LeaseNamespace, _options.LeaseName, Identity);
        try
        {
            await elector.RunUntilLeadershipLostAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
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
