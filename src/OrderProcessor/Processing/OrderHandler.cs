using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OrderContracts;
using OrderProcessor.Configuration;

namespace OrderProcessor.Processing;

/// <summary>
/// Processes one order the way the original sample does (log, wait the processing time), inside a span that
/// continues the generator's trace, and counts it. Transport-neutral: the workers settle the message.
/// </summary>
internal sealed class OrderHandler(OrderProcessorSettings settings, OrderMetrics metrics, TimeProvider timeProvider, ILogger<OrderHandler> logger)
{
    public static readonly ActivitySource Source = new(OrderTelemetry.ProcessorSourceName);

    /// <summary>Test hook: an order whose article is this fails every attempt (the way to exercise retries and dead-lettering).</summary>
    public const string FailingArticle = "__fail__";

    public async Task ProcessAsync(Order order, ActivityContext parent, string transport, CancellationToken cancellationToken)
    {
        // The transport SDK's own span (if any) is linked; the order's trace comes from the message.
        var sdkSpan = Activity.Current;
        ActivityLink[]? links = sdkSpan is null || sdkSpan.Context == parent ? null : [new ActivityLink(sdkSpan.Context)];
        using var activity = Source.StartActivity($"process {transport} order", ActivityKind.Consumer, parent, links: links);
        activity?.SetTag("order.id", order.Id);
        activity?.SetTag("messaging.system", transport);
        activity?.SetTag("messaging.operation.type", "process");

        metrics.Started(transport);
        var started = timeProvider.GetTimestamp();
        var outcome = "failed";
        try
        {
            OrderProcessorLog.Processing(logger, order.Id, order.Amount, order.ArticleNumber, order.Customer.FirstName, order.Customer.LastName);
            await Task.Delay(settings.ProcessingTime, timeProvider, cancellationToken).ConfigureAwait(false);
            if (order.ArticleNumber == FailingArticle)
            {
                throw new InvalidOperationException($"order {order.Id} is for the article '{FailingArticle}', which always fails");
            }

            outcome = "succeeded";
            OrderProcessorLog.Processed(logger, order.Id);
        }
        catch (OperationCanceledException)
        {
            outcome = "interrupted";
            activity?.SetStatus(ActivityStatusCode.Error, "interrupted by shutdown");
            throw;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
        finally
        {
            metrics.Finished(transport, outcome, timeProvider.GetElapsedTime(started));
        }
    }
}
