using EmbeddedKubernetes.Tests.Support;
using k8s;
using k8s.Models;
using Kubernetes.Controller.Events;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kubernetes.Controller.Tests.Events;

/// <summary>The shared recorder against the embedded control plane over HTTP, correlating as client-go does.</summary>
public sealed class EventRecorderTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly k8s.Kubernetes _client = fixture.Client;
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public async Task RepeatedEvent_RaisesTheCountOfTheFirst_KeepingItsFirstTimestamp()
    {
        var (ns, subject) = await SubjectAsync();
        var recorder = Recorder();

        await recorder.RecordAsync(subject, EventRecorder.Warning, "FailedGetExternalMetric", "unable to get external metric", Ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        await recorder.RecordAsync(subject, EventRecorder.Warning, "FailedGetExternalMetric", "unable to get external metric", Ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        await recorder.RecordAsync(subject, EventRecorder.Warning, "FailedGetExternalMetric", "unable to get external metric", Ct);

        var ev = Assert.Single(await EventsAsync(ns));
        Assert.Equal(3, ev.Count);
        Assert.Equal(Start.UtcDateTime, ev.FirstTimestamp);
        Assert.Equal(Start.AddMinutes(2).UtcDateTime, ev.LastTimestamp);
        Assert.Equal("test-controller", ev.Source.Component);
    }

    [Fact]
    public async Task DifferentMessages_AreSeparateEvents()
    {
        var (ns, subject) = await SubjectAsync();
        var recorder = Recorder();

        await recorder.RecordAsync(subject, EventRecorder.Normal, "SuccessfulRescale", "New size: 4; reason: above target", Ct);
        await recorder.RecordAsync(subject, EventRecorder.Normal, "SuccessfulRescale", "New size: 2; reason: All metrics below target", Ct);

        var events = await EventsAsync(ns);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(1, e.Count));
    }

    [Fact]
    public async Task TenDifferentMessagesOfOneReason_FoldIntoOneCombinedEvent()
    {
        var (ns, subject) = await SubjectAsync();
        var recorder = Recorder();

        for (var size = 1; size <= EventCorrelator.MaxSimilarMessages + 2; size++)
        {
            await recorder.RecordAsync(subject, EventRecorder.Normal, "SuccessfulRescale", $"New size: {size}", Ct);
        }

        var events = await EventsAsync(ns);
        Assert.Equal(EventCorrelator.MaxSimilarMessages, events.Count);
        var combined = Assert.Single(events, e => e.Message.StartsWith(EventCorrelator.CombinedPrefix, StringComparison.Ordinal));
        Assert.Equal(3, combined.Count);
        Assert.Equal(EventCorrelator.CombinedPrefix + $"New size: {EventCorrelator.MaxSimilarMessages + 2}", combined.Message);
    }

    [Fact]
    public async Task RepeatOfAnEventThatExpired_CreatesItAgain()
    {
        var (ns, subject) = await SubjectAsync();
        var recorder = Recorder();
        await recorder.RecordAsync(subject, EventRecorder.Warning, "FailedRescale", "New size: 3; reason: x; error: 409", Ct);
        var first = Assert.Single(await EventsAsync(ns));
        await _client.CoreV1.DeleteNamespacedEventAsync(first.Metadata.Name, ns, cancellationToken: Ct);

        await recorder.RecordAsync(subject, EventRecorder.Warning, "FailedRescale", "New size: 3; reason: x; error: 409", Ct);

        var again = Assert.Single(await EventsAsync(ns));
        Assert.Equal(2, again.Count);
        Assert.Equal("FailedRescale", again.Reason);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private EventRecorder Recorder() => new(_client, "test-controller", _time, NullLogger.Instance);

    private async Task<(string Ns, V1ConfigMap Subject)> SubjectAsync()
    {
        var ns = await fixture.NamespaceAsync(Ct);
        var subject = await _client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta { Name = "subject" } }, ns, cancellationToken: Ct);
        subject.ApiVersion = "v1";
        subject.Kind = "ConfigMap";
        return (ns, subject);
    }

    private async Task<IList<Corev1Event>> EventsAsync(string ns) =>
        (await _client.CoreV1.ListNamespacedEventAsync(ns, cancellationToken: Ct)).Items;
}
