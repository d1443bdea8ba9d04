using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace EmbeddedKubernetes.Controllers;

/// <summary>Small helpers over API objects shared by the controllers.</summary>
internal static class KubeObjects
{
    public static string KeyOf(V1ObjectMeta meta) => $"{meta.NamespaceProperty}/{meta.Name}";

    public static (string Namespace, string Name) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (key[..slash], key[(slash + 1)..]);
    }

    public static V1OwnerReference? ControllerOf(V1ObjectMeta meta) => meta.OwnerReferences?.FirstOrDefault(o => o.Controller == true);

    public static bool IsOwnedBy(V1ObjectMeta meta, V1ObjectMeta owner) => ControllerOf(meta)?.Uid == owner.Uid;

    public static V1OwnerReference OwnerReference(IKubernetesObject<V1ObjectMeta> owner) => new()
    {
        ApiVersion = owner.ApiVersion,
        Kind = owner.Kind,
        Name = owner.Metadata.Name,
        Uid = owner.Metadata.Uid,
        Controller = true,
        BlockOwnerDeletion = true,
    };

    public static bool IsReady(V1Pod pod) => pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;

    public static bool IsTerminated(V1Pod pod) => pod.Status?.Phase is "Succeeded" or "Failed";

    /// <summary>Counts toward a workload's replicas: not being deleted and not finished.</summary>
    public static bool IsActive(V1Pod pod) => pod.Metadata.DeletionTimestamp is null && !IsTerminated(pod);

    /// <summary>A merge patch {"status": ...} for a /status subresource.</summary>
    public static V1Patch StatusPatch(object status) =>
        new(new JsonObject { ["status"] = JsonNode.Parse(KubernetesJson.Serialize(status)) }.ToJsonString(), V1Patch.PatchType.MergePatch);

    /// <summary>A merge patch {"spec": {"replicas": n}}.</summary>
    public static V1Patch ReplicasPatch(int replicas) =>
        new(new JsonObject { ["spec"] = new JsonObject { ["replicas"] = replicas } }.ToJsonString(), V1Patch.PatchType.MergePatch);

    public static bool SameJson(object? a, object? b) =>
        a is null || b is null ? a is null && b is null : KubernetesJson.Serialize(a) == KubernetesJson.Serialize(b);

    /// <summary>A random lowercase suffix like the API server's generateName (5 characters from its alphabet).</summary>
    public static string RandomSuffix()
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        Span<char> chars = stackalloc char[5];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[Random.Shared.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>Deep copy through JSON (templates must not be shared between created objects).</summary>
    public static T Clone<T>(T value) => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(value));
}
