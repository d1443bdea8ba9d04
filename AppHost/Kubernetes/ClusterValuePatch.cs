using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace AppHost.Kubernetes;

/// <summary>One key of a Secret or ConfigMap set to a value known only at run time (a broker's address).</summary>
internal sealed record ClusterValuePatch(string Kind, string Namespace, string Name, string Key, ReferenceExpression Value)
{
    public async Task ApplyAsync(IKubernetes client, string value, CancellationToken cancellationToken)
    {
        var field = Kind == "Secret" ? "stringData" : "data";
        var body = new V1Patch(JsonSerializer.Serialize(new Dictionary<string, object> { [field] = new Dictionary<string, string> { [Key] = value } }), V1Patch.PatchType.MergePatch);
        try
        {
            if (Kind == "Secret")
            {
                await client.CoreV1.PatchNamespacedSecretAsync(body, Name, Namespace, cancellationToken: cancellationToken);
            }
            else
            {
                await client.CoreV1.PatchNamespacedConfigMapAsync(body, Name, Namespace, cancellationToken: cancellationToken);
            }
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // The manifests do not declare it (yet): nothing to overwrite.
        }
    }
}
