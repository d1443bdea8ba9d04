using System.Text.Json;
using k8s;
using k8s.Models;
using Operator.Tests.Support;

namespace Operator.Tests.Controllers;

/// <summary>
/// The operator as <c>run</c> starts it (scale loop, metrics adapter behind its self-registered APIService) on an
/// embedded control plane whose HPA controller scales from that adapter: 0↔1 by the operator, 1↔N by the HPA; with
/// reads of replicas and ScaledObjects, and waits on them.
/// </summary>
public class ScalingOperatorFixture : OperatorFixture
{
    public async Task<int> ReplicasAsync(string ns, string deployment) =>
        (await Client.AppsV1.ReadNamespacedDeploymentAsync(deployment, ns, cancellationToken: TestContext.Current.CancellationToken)).Spec.Replicas ?? 1;

    /// <summary>Polls the Deployment's <c>spec.replicas</c> until it satisfies <paramref name="condition"/> (patience: <paramref name="patience"/> or the fixture's).</summary>
    public Task<int> EventuallyReplicasAsync(string ns, string deployment, Func<int, bool> condition, string what, TimeSpan? patience = null) =>
        ControlPlaneFixture.EventuallyAsync(() => ReplicasAsync(ns, deployment), condition, $"{what} ({deployment}'s replicas)", patience);

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

}
