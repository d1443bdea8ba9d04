using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using Operator.Api;
using Operator.ScaleLoop;
using Operator.Scaling.Fallbacks;
using Operator.Scaling.Status;

namespace Operator.Tests.ScaleLoop;

public sealed class FallbackHealthLedgerTests
{
    private const string Key = "default/orders";
    private const string Metric = "s0-prometheus";
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void AdapterFailures_CountOncePerPollingInterval()
    {
        var ledger = new FallbackHealthLedger(_time);
        var so = Build();

        var first = Fail(ledger, so);
        _time.Advance(TimeSpan.FromSeconds(15));
        var second = Fail(ledger, so);
        _time.Advance(TimeSpan.FromSeconds(15));
        var third = Fail(ledger, so);

        Assert.Equal(1, first.Changed![Metric].NumberOfFailures);
        Assert.Null(second.Changed);
        Assert.Equal(1, second.Result.Health!.NumberOfFailures);
        Assert.Equal(2, third.Changed![Metric].NumberOfFailures);
    }

    [Fact]
    public void AdapterFailure_AfterTheLoopCountedInTheInterval_IsNotCountedAgain()
    {
        var ledger = new FallbackHealthLedger(_time);
        var so = Build();
        Poll(ledger, so, failed: true);
        _time.Advance(TimeSpan.FromSeconds(10));

        var request = Fail(ledger, so);

        Assert.Null(request.Changed);
        Assert.Equal(1, ledger.Current(Key, so)[Metric].NumberOfFailures);
    }

    [Fact]
    public void LoopPolls_CountEveryPoll_AfterAnAdapterCount()
    {
        var ledger = new FallbackHealthLedger(_time);
        var so = Build();
        Fail(ledger, so);
        _time.Advance(TimeSpan.FromSeconds(1));

        Poll(ledger, so, failed: true);
        _time.Advance(TimeSpan.FromSeconds(30));
        Poll(ledger, so, failed: true);

        Assert.Equal(3, ledger.Current(Key, so)[Metric].NumberOfFailures);
    }

    [Fact]
    public void AdapterFailure_PastTheThreshold_ServesTheFallbackValue()
    {
        var ledger = new FallbackHealthLedger(_time);
        var so = Build(failureThreshold: 0);

        var request = Fail(ledger, so);

        Assert.True(request.Result.FallbackActive);
        Assert.Equal(50, Assert.Single(request.Result.Metrics).Value);
    }

    [Fact]
    public void Success_ResetsTheCount_AndTheNextFailureCountsAtOnce()
    {
        var ledger = new FallbackHealthLedger(_time);
        var so = Build();
        Fail(ledger, so);

        var success = Request(ledger, so, error: null);
        var failure = Fail(ledger, so);

        Assert.Equal(HealthStatuses.Happy, success.Changed![Metric].Status);
        Assert.Equal(1, failure.Changed![Metric].NumberOfFailures);
    }

    [Fact]
    public void Current_StartsFromStatus_AndAgainForANewGeneration()
    {
        var ledger = new FallbackHealthLedger(_time);
        var so = Build(health: 2);
        Fail(ledger, so);

        var counted = ledger.Current(Key, so)[Metric].NumberOfFailures;
        so.Metadata.Generation = 2;

        Assert.Equal(3, counted);
        Assert.Equal(2, ledger.Current(Key, so)[Metric].NumberOfFailures);
    }

    private static (FallbackResult Result, Dictionary<string, HealthStatus>? Changed) Fail(FallbackHealthLedger ledger, ScaledObject so) =>
        Request(ledger, so, "prometheus query api returned error. status: 503");

    private static (FallbackResult Result, Dictionary<string, HealthStatus>? Changed) Request(FallbackHealthLedger ledger, ScaledObject so, string? error) =>
        ledger.RecordRequest(Key, so, Metric, (health, countFailure) =>
            FallbackEvaluator.Apply(so, Metric, error is null ? [new(Metric, 5)] : [], error, Spec(), health: health, countFailure: countFailure));

    private static void Poll(FallbackHealthLedger ledger, ScaledObject so, bool failed)
    {
        var before = ledger.Current(Key, so);
        var result = FallbackEvaluator.Apply(so, Metric, failed ? [] : [new(Metric, 5)], failed ? "boom" : null, Spec(), health: before);
        ledger.RecordPoll(Key, so, before, FallbackEvaluator.Merge(before, [new(Metric, result.Health!)]));
    }

    private static ScaledObject Build(int failureThreshold = 3, int? health = null) => new()
    {
        Metadata = { Name = "orders", NamespaceProperty = "default", Uid = "uid-1", Generation = 1 },
        Spec =
        {
            ScaleTargetRef = new ScaleTarget { Name = "orders" },
            Triggers = [new ScaleTrigger { Type = "prometheus" }],
            Fallback = new Fallback { FailureThreshold = failureThreshold, Replicas = 5 },
        },
        Status = new ScaledObjectStatus
        {
            Conditions = ScaledObjectConditions.CreateInitial(),
            Health = health is int failures
                ? new Dictionary<string, HealthStatus> { [Metric] = new() { NumberOfFailures = failures, Status = HealthStatuses.Failing } }
                : null,
        },
    };

    private static V2MetricSpec Spec() => new()
    {
        Type = "External",
        External = new V2ExternalMetricSource
        {
            Metric = new V2MetricIdentifier { Name = Metric },
            Target = new V2MetricTarget { Type = "AverageValue", AverageValue = new ResourceQuantity("10") },
        },
    };
}
