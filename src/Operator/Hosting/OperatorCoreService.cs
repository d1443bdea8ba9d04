using Microsoft.Extensions.Hosting;
using Operator.Controllers;
using Operator.Leadership;
using Operator.ScaleLoop;
using Operator.Telemetry;

namespace Operator.Hosting;

/// <summary>
/// Runs the operator core in the host: informers first (caches sync), then, once leading, the ScaledObject
/// controller whose reconciles start the scale loops. Stopping ends the loops and the watches; nothing is half-written
/// because every write is one API call.
/// </summary>
internal sealed class OperatorCoreService(
    OperatorInformers informers, ScaledObjectController controller, LoopScheduler loops, ScalerCache scalers,
    ILeadershipGate leadership, OperatorOptions options, ResourceTotals totals) : BackgroundService
{
    // Subscribed to the informers before they start, so every object is counted from the first list on.
    private readonly ResourceTotals _totals = totals;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await informers.Shared.StartAsync(stoppingToken).ConfigureAwait(false);
        await leadership.WaitForLeadershipAsync(stoppingToken).ConfigureAwait(false);
        await controller.RunAsync(options.Workers, stoppingToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await loops.DisposeAsync().ConfigureAwait(false);
        await scalers.DisposeAsync().ConfigureAwait(false);
        await informers.Shared.StopAsync().ConfigureAwait(false);
    }
}
