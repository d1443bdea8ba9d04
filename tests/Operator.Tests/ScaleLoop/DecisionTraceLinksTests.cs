using System.Diagnostics;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Operator.Api;
using Operator.ScaleLoop;
using Operator.Scalers;
using Operator.Telemetry;

namespace Operator.Tests.ScaleLoop;

/// <summary>How a decision gathers its links from the ScaledObject's sources: bounded in number and time, never failing.</summary>
public sealed class DecisionTraceLinksTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Links_AreTheSourcesContexts_UpToMaxLinks_WithoutRepeats()
    {
        var a = NewContext();
        var b = NewContext();
        var c = NewContext();
        await using var built = Built(new Source(_ => Task.FromResult<IReadOnlyList<ActivityContext>>([a, a, b])), new Source(_ => Task.FromResult<IReadOnlyList<ActivityContext>>([c])));

        var links = await Links(new TraceLinkOptions { MaxLinks = 2 }).ReadAsync("ns/so", built, Ct);

        Assert.Equal([a.TraceId, b.TraceId], links.Select(l => l.Context.TraceId));
    }

    [Fact]
    public async Task FailingSource_GivesNoLinks_AndTheNextSourceStillCounts()
    {
        var c = NewContext();
        await using var built = Built(
            new Source(_ => Task.FromException<IReadOnlyList<ActivityContext>>(new InvalidOperationException("broker down"))),
            new Source(_ => Task.FromResult<IReadOnlyList<ActivityContext>>([c])));

        var links = await Links(new TraceLinkOptions()).ReadAsync("ns/so", built, Ct);

        Assert.Equal([c.TraceId], links.Select(l => l.Context.TraceId));
    }

    [Fact]
    public async Task SourceThatNeverAnswers_EndsAtTheTimeBox_WithNoLinks()
    {
        var never = new TaskCompletionSource<IReadOnlyList<ActivityContext>>();
        await using var built = Built(new Source(_ => never.Task));

        var links = await Links(new TraceLinkOptions { Timeout = TimeSpan.FromMilliseconds(100) }).ReadAsync("ns/so", built, Ct);

        Assert.Empty(links);
    }

    [Fact]
    public async Task ScalersWithoutMessages_GiveNoLinks()
    {
        await using var built = new BuiltScalers(1, [new BuiltScaler(0, new ScaleTrigger { Type = "cron" }, new ScalerConfig { TriggerType = "cron" }, null, ["trigger 0 (cron): bad"])]);

        var links = await Links(new TraceLinkOptions()).ReadAsync("ns/so", built, Ct);

        Assert.Empty(links);
    }

    private static ActivityContext NewContext() => new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

    private static DecisionTraceLinks Links(TraceLinkOptions options) => new(options, NullLogger<DecisionTraceLinks>.Instance);

    private static BuiltScalers Built(params Source[] sources) =>
        new(1, [.. sources.Select((s, i) => new BuiltScaler(i, new ScaleTrigger { Type = "test" }, new ScalerConfig { TriggerType = "test" }, s, []))]);

    // A scaler whose source is the test's function (our own interfaces, not a broker's).
    private sealed class Source(Func<CancellationToken, Task<IReadOnlyList<ActivityContext>>> read) : IScaler, IMessageTraceSource
    {
        public IReadOnlyList<V2MetricSpec> GetMetricSpecs() => [];

        public ValueTask<ScalerResult> GetMetricsAndActivityAsync(string metricName, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ScalerResult.Failure("not polled here"));

        public Task<IReadOnlyList<ActivityContext>> ReadWaitingTraceContextsAsync(int max, CancellationToken cancellationToken) => read(cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
