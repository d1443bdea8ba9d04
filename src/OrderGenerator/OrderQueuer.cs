using OrderGenerator.Sending;
using Spectre.Console;

namespace OrderGenerator;

/// <summary>Queues N fake orders in chunks, at the requested rate, with a progress bar showing rate and errors.</summary>
internal sealed class OrderQueuer(IOrderSender sender, OrderFaker faker, IAnsiConsole console, TimeProvider timeProvider)
{
    public async Task<GeneratorSummary> QueueAsync(int count, double? rate, int batchSize, CancellationToken cancellationToken)
    {
        var chunkSize = rate is { } perSecond ? (int)Math.Clamp(Math.Ceiling(perSecond / 10), 1, batchSize) : batchSize;
        var started = timeProvider.GetTimestamp();
        var queued = 0;
        var failed = 0;
        string? firstError = null;

        await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Queuing orders", maxValue: Math.Max(count, 1));
                while (queued + failed < count && !cancellationToken.IsCancellationRequested)
                {
                    var chunk = Enumerable.Range(0, Math.Min(chunkSize, count - queued - failed)).Select(_ => faker.Next()).ToList();
                    SendResult result;
                    try
                    {
                        result = await sender.SendAsync(chunk, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }

                    queued += result.Queued;
                    failed += result.Failed;
                    firstError ??= result.Error;
                    var elapsed = timeProvider.GetElapsedTime(started);
                    task.Value = queued + failed;
                    task.Description = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"queued {queued}/{count} · {(elapsed > TimeSpan.Zero ? queued / elapsed.TotalSeconds : 0):0}/s · errors {failed}");
                    if (rate is { } target)
                    {
                        var due = TimeSpan.FromSeconds((queued + failed) / target);
                        if (due > elapsed)
                        {
                            try
                            {
                                await Task.Delay(due - elapsed, timeProvider, cancellationToken).ConfigureAwait(false);
                            }
                            catch (OperationCanceledException)
                            {
                                break;
                            }
                        }
                    }
                }
            }).ConfigureAwait(false);

        return new GeneratorSummary(count, queued, failed, timeProvider.GetElapsedTime(started), sender.Destination, firstError);
    }
}
