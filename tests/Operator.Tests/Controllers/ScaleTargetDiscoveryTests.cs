using System.Text.Json;
using k8s;
using Microsoft.Extensions.Time.Testing;
using Operator.Hosting;
using Operator.Resolution;
using Operator.Tests.Support;

namespace Operator.Tests.Controllers;

/// <summary>
/// Custom scale targets mapped kind → resource through API discovery (KEDA's RESTMapper), not by guessing a plural:
/// a CRD whose kind <c>Proxy</c> is served as <c>proxies</c> (the guess would be "proxys") and exposes <c>/scale</c>.
/// </summary>
public sealed class ScaleTargetDiscoveryTests(ScalingOperatorFixture fixture) : IClassFixture<ScalingOperatorFixture>
{
    private static readonly string ProxyCrd = Crd("proxies", "proxy", "Proxy");

    [Fact]
    public async Task ScaledObject_OnCustomKindWithIrregularPlural_IsReady_RecordsDiscoveredGvkr_AndScalesThroughScale()
    {
        var ct = TestContext.Current.CancellationToken;
        await fixture.ApplyAsync("default", ProxyCrd);
        var ns = await fixture.NamespaceAsync();
        await fixture.ApplyAsync(ns, """
            apiVersion: discovery-test.example.com/v1
            kind: Proxy
            metadata: {name: edge}
            spec: {replicas: 0}
            """);

        await fixture.ApplyAsync(ns, """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: edge-so}
            spec:
              scaleTargetRef: {apiVersion: discovery-test.example.com/v1, kind: Proxy, name: edge}
              pollingInterval: 1
              triggers:
              - type: cron
                metadata: {timezone: Etc/UTC, start: "0 0 * * *", end: "59 23 * * *", desiredReplicas: "1"}
            """);

        var so = await ControlPlaneFixture.EventuallyAsync(
            () => fixture.ScaledObjectAsync(ns, "edge-so"), s => ScalingOperatorFixture.Condition(s, "Ready") == "True", "edge-so Ready");
        var status = so.GetProperty("status");
        Assert.Equal("discovery-test.example.com/v1.Proxy", status.GetProperty("scaleTargetKind").GetString());
        var gvkr = status.GetProperty("scaleTargetGVKR");
        Assert.Equal("discovery-test.example.com", gvkr.GetProperty("group").GetString());
        Assert.Equal("v1", gvkr.GetProperty("version").GetString());
        Assert.Equal("Proxy", gvkr.GetProperty("kind").GetString());
        Assert.Equal("proxies", gvkr.GetProperty("resource").GetString());
        await ControlPlaneFixture.EventuallyAsync(
            async () => JsonSerializer.SerializeToElement(await fixture.Client.CustomObjects.GetNamespacedCustomObjectAsync(
                "discovery-test.example.com", "v1", ns, "proxies", "edge", cancellationToken: ct)),
            proxy => proxy.GetProperty("spec").GetProperty("replicas").GetInt32() == 1, "the Proxy scaled 0→1 through /scale");
    }

    [Fact]
    public async Task ScaledObject_OnAKindWhoseCrdComesLater_FailsItsCheck_ThenIsRetriedWithBackoff_AndBecomesReady()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.ApplyAsync(ns, """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: late-so}
            spec:
              scaleTargetRef: {apiVersion: retry-test.example.com/v1, kind: Relay, name: late}
              pollingInterval: 1
              triggers:
              - type: cron
                metadata: {timezone: Etc/UTC, start: "0 0 * * *", end: "59 23 * * *", desiredReplicas: "1"}
            """);
        await ControlPlaneFixture.EventuallyAsync(
            () => fixture.ScaledObjectAsync(ns, "late-so"), s => ScalingOperatorFixture.Condition(s, "Ready") == "False", "late-so check failed");

        // Nothing the operator watches changes: only the reconcile's own retry can find the new kind.
        await fixture.ApplyAsync("default", Crd("relays", "relay", "Relay", group: "retry-test.example.com"));
        await fixture.ApplyAsync(ns, """
            apiVersion: retry-test.example.com/v1
            kind: Relay
            metadata: {name: late}
            spec: {replicas: 0}
            """);

        var so = await ControlPlaneFixture.EventuallyAsync(
            () => fixture.ScaledObjectAsync(ns, "late-so"), s => ScalingOperatorFixture.Condition(s, "Ready") == "True", "late-so Ready after its retry");
        Assert.Equal("relays", so.GetProperty("status").GetProperty("scaleTargetGVKR").GetProperty("resource").GetString());
    }

    [Fact]
    public async Task Discovery_LooksAKindUpAgainOnAMiss_OnceTheRefreshIntervalHasPassed()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var discovery = new ResourceDiscovery(fixture.Client, time);

        await discovery.DiscoverAsync("late-test.example.com/v1", "Gadget", ct);
        Assert.Null(discovery.Find("late-test.example.com", "v1", "Gadget"));

        await fixture.ApplyAsync("default", Crd("gadgetries", "gadget", "Gadget", group: "late-test.example.com"));
        await discovery.DiscoverAsync("late-test.example.com/v1", "Gadget", ct);
        Assert.Null(discovery.Find("late-test.example.com", "v1", "Gadget"));

        time.Advance(OperatorDefaults.DiscoveryMissRefresh);
        await discovery.DiscoverAsync("late-test.example.com/v1", "Gadget", ct);

        Assert.Equal("gadgetries", discovery.Find("late-test.example.com", "v1", "Gadget"));
    }

    private static string Crd(string plural, string singular, string kind, string group = "discovery-test.example.com") =>
        ScalableCrd.Yaml(plural, singular, kind, group);
}
