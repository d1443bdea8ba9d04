using System.Text.Json;
using k8s;
using Operator.Tests.Support;

namespace Operator.Tests.Controllers;

public sealed class ScaledObjectControllerTests(ScalingOperatorFixture fixture) : IClassFixture<ScalingOperatorFixture>
{
    // A cron window open all day (00:00-23:59 UTC) and one that is closed (one minute on January 1st).
    private const string AlwaysOpen = """{timezone: Etc/UTC, start: "0 0 * * *", end: "59 23 * * *", desiredReplicas: "1"}""";
    private const string Closed = """{timezone: Etc/UTC, start: "0 0 1 1 *", end: "1 0 1 1 *", desiredReplicas: "1"}""";

    private readonly k8s.Kubernetes _client = fixture.Client;

    [Fact]
    public async Task ActiveTrigger_ScalesTargetFromZeroToOne_CreatesKedaHpa_AndReportsReady()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateDeploymentAsync(ns, "web", 0);

        await CreateScaledObjectAsync(ns, "web-so", "web", AlwaysOpen, "maxReplicaCount: 5, pollingInterval: 1");

        await fixture.EventuallyReplicasAsync(ns, "web", r => r == 1, "the Deployment scaled 0→1");
        var hpa = await ControlPlaneFixture.EventuallyAsync(
            () => _client.AutoscalingV2.ReadNamespacedHorizontalPodAutoscalerAsync("keda-hpa-web-so", ns), _ => true, "the HPA");
        Assert.Equal(1, hpa.Spec.MinReplicas);
        Assert.Equal(5, hpa.Spec.MaxReplicas);
        Assert.Equal("Deployment", hpa.Spec.ScaleTargetRef.Kind);
        Assert.Equal("apps/v1", hpa.Spec.ScaleTargetRef.ApiVersion);
        var metric = Assert.Single(hpa.Spec.Metrics);
        Assert.Equal("External", metric.Type);
        Assert.StartsWith("s0-cron-", metric.External.Metric.Name, StringComparison.Ordinal);
        Assert.Equal("web-so", metric.External.Metric.Selector.MatchLabels["scaledobject.keda.sh/name"]);
        Assert.Equal("keda-operator", hpa.Metadata.Labels["app.kubernetes.io/managed-by"]);
        Assert.True(hpa.Metadata.OwnerReferences.Single().Controller);

        var so = await EventuallyScaledObjectAsync(ns, "web-so",
            s => ScalingOperatorFixture.Condition(s, "Ready") == "True" && ScalingOperatorFixture.Condition(s, "Active") == "True");
        var status = so.GetProperty("status");
        Assert.Equal("apps/v1.Deployment", status.GetProperty("scaleTargetKind").GetString());
        Assert.Equal(0, status.GetProperty("originalReplicaCount").GetInt32());
        Assert.Equal("cron", status.GetProperty("triggersTypes").GetString());
        Assert.Equal("keda-hpa-web-so", status.GetProperty("hpaName").GetString());
        Assert.Equal("finalizer.keda.sh", so.GetProperty("metadata").GetProperty("finalizers")[0].GetString());
        Assert.Equal("web-so", so.GetProperty("metadata").GetProperty("labels").GetProperty("scaledobject.keda.sh/name").GetString());
    }

    [Fact]
    public async Task InactiveTrigger_ScalesToZeroAfterCooldown_AndDeleteRestoresOriginalReplicas()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateDeploymentAsync(ns, "worker", 2);
        await CreateScaledObjectAsync(ns, "worker-so", "worker", Closed,
            "pollingInterval: 1, cooldownPeriod: 1, advanced: {restoreToOriginalReplicaCount: true}");

        await fixture.EventuallyReplicasAsync(ns, "worker", r => r == 0, "the Deployment scaled to zero after the cooldown");
        await _client.CustomObjects.DeleteNamespacedCustomObjectAsync("keda.sh", "v1alpha1", ns, "scaledobjects", "worker-so",
            cancellationToken: TestContext.Current.CancellationToken);

        await fixture.EventuallyReplicasAsync(ns, "worker", r => r == 2, "the original replica count restored");
        await ControlPlaneFixture.EventuallyAsync(() => ScaledObjectNamesAsync(ns), names => !names.Contains("worker-so"), "the ScaledObject gone once finalized");
    }

    [Fact]
    public async Task SecondScaledObjectOnSameTarget_IsRejected_FirstStaysReady()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateDeploymentAsync(ns, "api", 1);
        await CreateScaledObjectAsync(ns, "api-first", "api", AlwaysOpen, "pollingInterval: 1");
        await EventuallyScaledObjectAsync(ns, "api-first", s => ScalingOperatorFixture.Condition(s, "Ready") == "True");

        await CreateScaledObjectAsync(ns, "api-second", "api", AlwaysOpen, "pollingInterval: 1");

        var second = await EventuallyScaledObjectAsync(ns, "api-second", s => ScalingOperatorFixture.Condition(s, "Ready") == "False");
        var ready = Conditions(second).Single(c => c.GetProperty("type").GetString() == "Ready");
        Assert.Equal("ScaledObjectCheckFailed", ready.GetProperty("reason").GetString());
        Assert.Contains("api-first", ready.GetProperty("message").GetString(), StringComparison.Ordinal);
        var first = await fixture.ScaledObjectAsync(ns, "api-first");
        Assert.Equal("True", ScalingOperatorFixture.Condition(first, "Ready"));
    }

    private Task CreateScaledObjectAsync(string ns, string name, string target, string cronMetadata, string extraSpec) => fixture.ApplyAsync(ns, $$$"""
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: {{{name}}}}
        spec: {scaleTargetRef: {name: {{{target}}}}, {{{extraSpec}}}, triggers: [{type: cron, metadata: {{{cronMetadata}}}}]}
        """);

    private async Task<List<string>> ScaledObjectNamesAsync(string ns)
    {
        var body = JsonSerializer.SerializeToElement(await _client.CustomObjects.ListNamespacedCustomObjectAsync("keda.sh", "v1alpha1", ns, "scaledobjects"));
        return [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metadata").GetProperty("name").GetString()!)];
    }

    private Task<JsonElement> EventuallyScaledObjectAsync(string ns, string name, Func<JsonElement, bool> condition) =>
        ControlPlaneFixture.EventuallyAsync(() => fixture.ScaledObjectAsync(ns, name), condition, $"ScaledObject {name} in the expected state");

    private static List<JsonElement> Conditions(JsonElement so) =>
        so.TryGetProperty("status", out var status) && status.TryGetProperty("conditions", out var conditions) ? [.. conditions.EnumerateArray()] : [];
}
