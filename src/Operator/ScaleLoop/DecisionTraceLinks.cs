using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Operator.Scalers;
using Operator.Telemetry;

namespace Operator.ScaleLoop;

/// <summary>
/// The span links of a scale-up decision: the trace contexts of the first messages waiting in the ScaledObject's
/// sources (<see cref="IMessageTraceSource"/>), at most <see cref="TraceLinkOptions.MaxLinks"/>, read within
/// <see cref="TraceLinkOptions.Timeout"/>. A source that fails or is slow only means fewer links: this never throws
/// for it and never fails the poll.
/// </summary>
internal sealed class DecisionTraceLinks(TraceLinkOptions options, ILogger<DecisionTraceLinks> logger)
{
    public async Task<IReadOnlyList<ActivityLink>> ReadAsync(string key, BuiltScalers built, CancellationToken cancellationToken)
    {
        var sources = built.Triggers.Select(t => t.Scaler).OfType<IMessageTraceSource>().ToList();
        if (sources.Count == 0 || options.MaxLinks == 0)
        {
            return [];
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        var links = new List<ActivityLink>();
        var seen = new HashSet<(ActivityTraceId, ActivitySpanId)>();
        foreach (var source in sources)
        {
            try
            {
                // WaitAsync: a read blocked inside a client library still ends at the deadline.
                var contexts = await source.ReadWaitingTraceContextsAsync(options.MaxLinks - links.Count, deadline.Token)
                    .WaitAsync(deadline.Token).ConfigureAwait(false);
                links.AddRange(contexts.Where(c => c != default && seen.Add((c.TraceId, c.SpanId))).Select(c => new ActivityLink(c)));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                ScaleLoopLog.TraceLinksTimedOut(logger, key, options.Timeout);
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ScaleLoopLog.TraceLinksFailed(logger, key, ex.Message);
            }

            if (links.Count >= options.MaxLinks)
            {
                break;
            }
        }

        return links.Count > options.MaxLinks ? links[..options.MaxLinks] : links;
    }
}
