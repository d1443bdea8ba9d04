using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Kubernetes.Controller.Yaml;
using Operator.Tests.Api;
using Operator.Tests.Support;

namespace Operator.Tests.Controllers;

/// <summary>
/// The operator as <c>run</c> starts it (scale loop, metrics adapter behind its self-registered APIService) on an
/// embedded control plane whose HPA controller scales from that adapter: 0↔1 by the operator, 1↔N by the HPA.
/// </summary>
public sealed class ScalingOperatorFixture : OperatorFixture
{
    /// <summary>Creates the objects of a YAML stream (Deployments, Secrets, KEDA's kinds) in <paramref name="ns"/>.</summary>
    public async Task ApplyAsync(string ns, string yaml)
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var node in YamlToJson.ConvertAll(yaml))
        {
            var json = node.ToJsonString();
            switch (node["kind"]?.GetValue<string>())
            {
                case "Deployment":
                    await Client.AppsV1.CreateNamespacedDeploymentAsync(KubernetesJson.Deserialize<V1Deployment>(json), ns, cancellationToken: ct);
                    break;
                case "Secret":
                    await Client.CoreV1.CreateNamespacedSecretAsync(KubernetesJson.Deserialize<V1Secret>(json), ns, cancellationToken: ct);
                    break;
                case "ScaledObject":
                    await CreateKedaObjectAsync(ns, "scaledobjects", node);
                    break;
                case "TriggerAuthentication":
                    await CreateKedaObjectAsync(ns, "triggerauthentications", node);
                    break;
                case var kind:
                    throw new ArgumentException($"ApplyAsync does not create kind '{kind}' (accepted: Deployment, Secret, ScaledObject, TriggerAuthentication)");
            }
        }
    }

    /// <summary>A Deployment of stub pods labelled <c>app: name</c>.</summary>
    public Task CreateDeploymentAsync(string ns, string name, int replicas) => ApplyAsync(ns, $$$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: {{{name}}}}
        spec:
          replicas: {{{replicas}}}
          selector: {matchLabels: {app: {{{name}}}}}
          template:
            metadata: {labels: {app: {{{name}}}}}
            spec: {containers: [{name: main, image: "{{{name}}}:1"}]}
        """);

    public async Task<int> ReplicasAsync(string ns, string deployment) =>
        (await Client.AppsV1.ReadNamespacedDeploymentAsync(deployment, ns, cancellationToken: TestContext.Current.CancellationToken)).Spec.Replicas ?? 1;

    /// <summary>Polls the Deployment's <c>spec.replicas</c> until it satisfies <paramref name="condition"/> (patience: <paramref name="patience"/> or the fixture's).</summary>
    public async Task<int> EventuallyReplicasAsync(string ns, string deployment, Func<int, bool> condition, string what, TimeSpan? patience = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(patience ?? ControlPlaneFixture.Patience);
        var last = -1;
        while (!timeout.IsCancellationRequested)
        {
            last = await ReplicasAsync(ns, deployment);
            if (condition(last))
            {
                return last;
            }

            try
            {
                await Task.Delay(100, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Assert.Fail($"timed out waiting for {what}; {deployment} has {last} replicas");
        return last;
    }

    public async Task<JsonElement> ScaledObjectAsync(string ns, string name) => JsonSerializer.SerializeToElement(
        await Client.CustomObjects.GetNamespacedCustomObjectAsync("keda.sh", "v1alpha1", ns, "scaledobjects", name,
            cancellationToken: TestContext.Current.CancellationToken));

    /// <summary>Waits until the scale loop has polled the ScaledObject once (its Active condition is no longer Unknown).</summary>
    public Task<JsonElement> FirstPollAsync(string ns, string name) => ControlPlaneFixture.EventuallyAsync(
        () => ScaledObjectAsync(ns, name), so => Condition(so, "Active") is "True" or "False", $"the first poll of {ns}/{name}");

    public static string? Condition(JsonElement so, string type) =>
        so.TryGetProperty("status", out var status) && status.TryGetProperty("conditions", out var conditions)
            ? conditions.EnumerateArray().Where(c => c.GetProperty("type").GetString() == type).Select(c => c.GetProperty("status").GetString()).FirstOrDefault()
            : null;

    /// <summary>Merge-patches the ScaledObject's spec (a new generation: the operator restarts its loop with it).</summary>
    public async Task PatchScaledObjectSpecAsync(string ns, string name, string specJson) =>
        await Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("{\"spec\":" + specJson + "}", V1Patch.PatchType.MergePatch), "keda.sh", "v1alpha1", ns, "scaledobjects", name,
            cancellationToken: TestContext.Current.CancellationToken);

    private async Task CreateKedaObjectAsync(string ns, string plural, JsonNode node)
    {
        node["metadata"]!["namespace"] = ns;
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(JsonSerializer.SerializeToElement(node), "keda.sh", "v1alpha1", ns, plural,
            cancellationToken: TestContext.Current.CancellationToken);
    }
}
