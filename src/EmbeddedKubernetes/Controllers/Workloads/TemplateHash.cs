using System.Globalization;
using System.Text;
using k8s;
using k8s.Models;

namespace EmbeddedKubernetes.Controllers.Workloads;

/// <summary>
/// pod-template-hash: FNV-1a (32-bit) over the template, rendered with the API server's safe alphabet
/// (upstream controller.ComputeHash + rand.SafeEncodeString; the exact bytes hashed differ from Go's).
/// </summary>
internal static class TemplateHash
{
    public const string Label = "pod-template-hash";

    public static string Compute(V1PodTemplateSpec template, int? collisionCount = null)
    {
        var text = KubernetesJson.Serialize(template) + (collisionCount?.ToString(CultureInfo.InvariantCulture) ?? "");
        uint hash = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 16777619;
        }

        return SafeEncode(hash.ToString(CultureInfo.InvariantCulture));
    }

    // rand.SafeEncodeString: map each character onto an alphabet without vowels or look-alike digits.
    private static string SafeEncode(string value)
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        var chars = value.Select(c => alphabet[c % alphabet.Length]).ToArray();
        return new string(chars);
    }
}
