using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Operator.Api;
using Operator.Resolution;

namespace Operator.Controllers;

/// <summary>
/// The <c>/scale</c> subresource of any scale target (KEDA's scale client): Deployments and StatefulSets through the
/// typed API, any other kind through its group's <c>/scale</c>, its resource found by <see cref="ResourceDiscovery"/>.
/// </summary>
internal sealed class ScaleTargetClient(IKubernetes client, ResourceDiscovery discovery)
{
    /// <summary>Parses scaleTargetRef into a GVKR (KEDA's <c>ParseGVKR</c>), asking discovery for kinds other than Deployment/StatefulSet.</summary>
    public async Task<(GroupVersionKindResource? Gvkr, string? Error)> ResolveAsync(ScaleTarget target, CancellationToken cancellationToken)
    {
        await discovery.DiscoverAsync(target.ApiVersion, target.Kind, cancellationToken).ConfigureAwait(false);
        return GroupVersionKindResourceParser.TryParse(target.ApiVersion, target.Kind, discovery.Find, out var gvkr, out var error)
            ? (gvkr, null)
            : (null, error);
    }

    public async Task<V1Scale?> GetAsync(GroupVersionKindResource gvkr, string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            return (gvkr.Group, gvkr.Resource) switch
            {
                ("apps", "deployments") => await client.AppsV1.ReadNamespacedDeploymentScaleAsync(name, ns, cancellationToken: cancellationToken)
                    .ConfigureAwait(false),
                ("apps", "statefulsets") => await client.AppsV1.ReadNamespacedStatefulSetScaleAsync(name, ns, cancellationToken: cancellationToken)
                    .ConfigureAwait(false),
                _ => ToScale(await client.CustomObjects.GetNamespacedCustomObjectScaleAsync(gvkr.Group, gvkr.Version, ns, gvkr.Resource, name,
                    cancellationToken: cancellationToken).ConfigureAwait(false)),
            };
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task SetReplicasAsync(GroupVersionKindResource gvkr, string ns, string name, int replicas, CancellationToken cancellationToken)
    {
        var patch = new V1Patch(new JsonObject { ["spec"] = new JsonObject { ["replicas"] = replicas } }.ToJsonString(), V1Patch.PatchType.MergePatch);
        switch (gvkr.Group, gvkr.Resource)
        {
            case ("apps", "deployments"):
                await client.AppsV1.PatchNamespacedDeploymentScaleAsync(patch, name, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case ("apps", "statefulsets"):
                await client.AppsV1.PatchNamespacedStatefulSetScaleAsync(patch, name, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            default:
                await client.CustomObjects.PatchNamespacedCustomObjectScaleAsync(patch, gvkr.Group, gvkr.Version, ns, gvkr.Resource, name,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>
    /// Running and Ready pods selected by the target's <c>/scale</c> <c>status.selector</c> (KEDA's fallback divides
    /// <c>Value</c> targets by it); 0 when the target publishes no selector.
    /// </summary>
    public async Task<int> CountReadyPodsAsync(V1Scale scale, string ns, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(scale.Status?.Selector))
        {
            return 0;
        }

        var pods = await client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: scale.Status.Selector, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return pods.Items.Count(p => p.Status?.Phase == "Running"
            && p.Status.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true);
    }

    /// <summary>Whether the target object itself exists (to tell "doesn't exist" from "doesn't expose /scale").</summary>
    public async Task<bool> ExistsAsync(GroupVersionKindResource gvkr, string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            await client.CustomObjects.GetNamespacedCustomObjectAsync(gvkr.Group, gvkr.Version, ns, gvkr.Resource, name, cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static V1Scale? ToScale(object? body) => body switch
    {
        null => null,
        V1Scale scale => scale,
        JsonElement json => KubernetesJson.Deserialize<V1Scale>(json.GetRawText()),
        _ => KubernetesJson.Deserialize<V1Scale>(KubernetesJson.Serialize(body)),
    };
}
