using System.Text.Json;
using k8s;

namespace Operator.Tests.Controllers;

public sealed class ScaledObjectControllerTests(OperatorFixture fixture) : IClassFixture<OperatorFixture>
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

        await EventuallyAsync(async () => (await ReplicasAsync(ns, "web")) == 1, "the Deployment scaled 0→1");
        var hpa = await EventuallyGetAsync(() => _client.AutoscalingV2.ReadNamespacedHorizontalPodAutoscalerAsync("keda-hpa-web-so", ns), "the HPA");
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

        var so = await EventuallyGetScaledObjectAsync(ns, "web-so", s => Condition(s, "Ready") == "True" && Condition(s, "Active") == "True");
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

        await EventuallyAsync(async () => (await ReplicasAsync(ns, "worker")) == 0, "the Deployment scaled to zero after the cooldown");
        await _client.CustomObjects.DeleteNamespacedCustomObjectAsync("keda.sh", "v1alpha1", ns, "scaledobjects", "worker-so",
            cancellationToken: TestContext.Current.CancellationToken);

        await EventuallyAsync(async () => (await ReplicasAsync(ns, "worker")) == 2, "the original replica count restored");
        await EventuallyAsync(async () => !(await ScaledObjectNamesAsync(ns)).Contains("worker-so"), "the ScaledObject gone once finalized");
    }

    [Fact]
    public async Task SecondScaledObjectOnSameTarget_IsRejected_FirstStaysReady()
    {
        var ns = await fixture.NamespaceAsync();
        await fixture.CreateDeploymentAsync(ns, "api", 1);
        await CreateScaledObjectAsync(ns, "api-first", "api", AlwaysOpen, "pollingInterval: 1");
        await EventuallyGetScaledObjectAsync(ns, "api-first", s => Condition(s, "Ready") == "True");

        await CreateScaledObjectAsync(ns, "api-second", "api", AlwaysOpen, "pollingInterval: 1");

        var second = await EventuallyGetScaledObjectAsync(ns, "api-second", s => Condition(s, "Ready") == "False");
        var ready = Conditions(second).Single(c => c.GetProperty("type").GetString() == "Ready");
        Assert.Equal("ScaledObjectCheckFailed", ready.GetProperty("reason").GetString());
        Assert.Contains("api-first", ready.GetProperty("message").GetString(), StringComparison.Ordinal);
        var first = await GetScaledObjectAsync(ns, "api-first");
        Assert.Equal("True", Condition(first, "Ready"));
    }

    private Task CreateScaledObjectAsync(string ns, string name, string target, string cronMetadata, string extraSpec) => fixture.ApplyAsync(ns, $$$"""
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: {{{name}}}}
        spec: {scaleTargetRef: {name: {{{target}}}}, {{{extraSpec}}}, triggers: [{type: cron, metadata: {{{cronMetadata}}}}]}
        """);

    private async Task<int> ReplicasAsync(string ns, string name) =>
        (await _client.AppsV1.ReadNamespacedDeploymentAsync(name, ns)).Spec.Replicas ?? 1;

    private async Task<JsonElement> GetScaledObjectAsync(string ns, string name)
    {
        var body = await _client.CustomObjects.GetNamespacedCustomObjectAsync("keda.sh", "v1alpha1", ns, "scaledobjects", name);
        return JsonSerializer.SerializeToElement(body);
    }

    private async Task<List<string>> ScaledObjectNamesAsync(string ns)
    {
        var body = JsonSerializer.SerializeToElement(await _client.CustomObjects.ListNamespacedCustomObjectAsync("keda.sh", "v1alpha1", ns, "scaledobjects"));
        return [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metadata").GetProperty("name").GetString()!)];
    }

    private async Task<JsonElement> EventuallyGetScaledObjectAsync(string ns, string name, Func<JsonElement, bool> condition)
    {
        JsonElement last = default;
        await EventuallyAsync(async () => condition(last = await GetScaledObjectAsync(ns, name)), $"ScaledObject {name} in the expected state");
        return last;
    }

    private static List<JsonElement> Conditions(JsonElement so) =>
        so.TryGetProperty("status", out var status) && status.TryGetProperty("conditions", out var conditions) ? [.. conditions.EnumerateArray()] : [];

    private static string? Condition(JsonElement so, string type) =>
        Conditions(so).FirstOrDefault(c => c.GetProperty("type").GetString() == type) is { ValueKind: JsonValueKind.Object } c
            ? c.GetProperty("status").GetString()
            : null;

    private static async Task<T> EventuallyGetAsync<T>(Func<Task<T>> get, string what)
    {
        T result = default!;
        await EventuallyAsync(async () =>
        {
            try
            {
                result = await get();
                return true;
            }
            catch (k8s.Autorest.HttpOperationException)
            {
                return false;
            }
        }, what);
        return result;
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (60 * TimeProvider.System.TimestampFrequency);
        while (!await condition())
        {
            Assert.True(TimeProvider.System.GetTimestamp() < deadline, $"timed out waiting for {what}");
            await Task.Delay(100);
        }
    }
}
