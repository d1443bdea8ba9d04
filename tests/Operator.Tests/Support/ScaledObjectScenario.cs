using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Operator.Api;

namespace Operator.Tests.Support;

/// <summary>One namespace on the operator's control plane: a Deployment, a ScaledObject on it, and reads of both.</summary>
internal sealed class ScaledObjectScenario(k8s.Kubernetes client, string ns)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public string Namespace => ns;

    public Task CreateDeploymentAsync(string name, int replicas) => ControlPlaneFixture.ApplyAsync(client, ns, ControlPlaneFixture.Deployment(name, replicas));

    /// <summary>Creates a ScaledObject <paramref name="name"/> on Deployment <paramref name="target"/> from a spec fragment (JSON).</summary>
    public async Task CreateScaledObjectAsync(string name, string target, JsonObject spec, IDictionary<string, string>? annotations = null)
    {
        spec["scaleTargetRef"] = new JsonObject { ["name"] = target };
        var metadata = new JsonObject { ["name"] = name };
        if (annotations is not null)
        {
            metadata["annotations"] = new JsonObject([.. annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))]);
        }

        await ControlPlaneFixture.ApplyAsync(client, ns,
            new JsonObject { ["apiVersion"] = "keda.sh/v1alpha1", ["kind"] = "ScaledObject", ["metadata"] = metadata, ["spec"] = spec });
    }

    /// <summary>A prometheus trigger asking for the test-controlled <c>keda_test_value{so="<paramref name="series"/>"}</c>.</summary>
    public static JsonObject PrometheusTrigger(string serverAddress, string series, double threshold, double activationThreshold) => new()
    {
        ["type"] = "prometheus",
        ["metadata"] = new JsonObject
        {
            ["serverAddress"] = serverAddress,
            ["query"] = $"max(keda_test_value{{so=\"{series}\"}})",
            ["threshold"] = threshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["activationThreshold"] = activationThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    /// <summary>Merge-patches the ScaledObject's annotations (a null value removes one).</summary>
    public async Task AnnotateAsync(string name, IDictionary<string, string?> annotations)
    {
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["annotations"] = new JsonObject([.. annotations.Select(a => KeyValuePair.Create(a.Key, a.Value is null ? null : (JsonNode?)a.Value))]),
            },
        };
        await client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), "keda.sh", "v1alpha1",
            ns, "scaledobjects", name, cancellationToken: Token);
    }

    public async Task<int> ReplicasAsync(string deployment) =>
        (await client.AppsV1.ReadNamespacedDeploymentAsync(deployment, ns, cancellationToken: Token)).Spec.Replicas ?? 1;

    public async Task<ScaledObject> ScaledObjectAsync(string name)
    {
        var body = await client.CustomObjects.GetNamespacedCustomObjectAsync("keda.sh", "v1alpha1", ns, "scaledobjects", name, Token);
        return KedaJson.Deserialize<ScaledObject>((JsonElement)body)!;
    }

    public async Task<IReadOnlyList<Corev1Event>> EventsAsync(string name) =>
        [.. (await client.CoreV1.ListNamespacedEventAsync(ns, cancellationToken: Token)).Items.Where(e => e.InvolvedObject?.Name == name)];

    public Task<int> EventuallyReplicasAsync(string deployment, int replicas, string why) =>
        ControlPlaneFixture.EventuallyAsync(() => ReplicasAsync(deployment), r => r == replicas, $"{deployment} at {replicas} replicas: {why}");

    public Task<ScaledObject> EventuallyAsync(string name, Func<ScaledObject, bool> condition, string what) =>
        ControlPlaneFixture.EventuallyAsync(() => ScaledObjectAsync(name), condition, what);

    public static string? Condition(ScaledObject so, string type, out string? reason)
    {
        var condition = so.Status?.Conditions?.FirstOrDefault(c => c.Type == type);
        reason = condition?.Reason;
        return condition?.Status;
    }
}
