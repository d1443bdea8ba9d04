using System.Text.Json;
using k8s;
using k8s.Models;

namespace AppHost.Kubernetes;

/// <summary>
/// Gives every container of every Deployment outside <c>kube-*</c> namespaces the environment the AppHost sets for
/// pods (OTLP, sample settings); a variable the Deployment already sets is left as it is.
/// </summary>
internal static class PodEnvironmentPatch
{
    public static async Task ApplyAsync(IKubernetes client, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        if (environment.Count == 0)
        {
            return;
        }

        var deployments = await client.AppsV1.ListDeploymentForAllNamespacesAsync(cancellationToken: cancellationToken);
        foreach (var deployment in deployments.Items.Where(d => !d.Metadata.NamespaceProperty.StartsWith("kube-", StringComparison.Ordinal)))
        {
            var containers = deployment.Spec.Template.Spec.Containers
                .Select(container => new
                {
                    name = container.Name,
                    env = environment
                        .Where(pair => container.Env?.Any(e => e.Name == pair.Key) != true)
                        .Select(pair => new { name = pair.Key, value = pair.Value })
                        .ToList(),
                })
                .Where(container => container.env.Count > 0)
                .ToList();
            if (containers.Count == 0)
            {
                continue;
            }

            // Strategic merge: containers and env entries merge by name.
            var patch = JsonSerializer.Serialize(new { spec = new { template = new { spec = new { containers } } } });
            await client.AppsV1.PatchNamespacedDeploymentAsync(
                new V1Patch(patch, V1Patch.PatchType.StrategicMergePatch),
                deployment.Metadata.Name,
                deployment.Metadata.NamespaceProperty,
                cancellationToken: cancellationToken);
        }
    }
}
