using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Operator.Api;

namespace Operator.Controllers;

/// <summary>
/// The <c>/scale</c> subresource of any scale target (KEDA's scale client): Deployments and StatefulSets through the
/// typed API, any other kind through its group's <c>/scale</c> after discovery maps kind → resource.
/// </summary>
internal sealed class ScaleTargetClient(IKubernetes client)
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>?> _discovery = new(StringComparer.Ordinal);

    /// <summary>Parses scaleTargetRef into a GVKR, asking discovery for kinds other than Deployment/StatefulSet.</summary>
    public async Task<(GroupVersionKindResource? Gvkr, string? Error)> ResolveAsync(ScaleTarget target, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(target.ApiVersion) && !string.IsNullOrEmpty(target.Kind)
            && target.Kind is not ("Deployment" or "StatefulSet")
            && GroupVersionKindResourceParser.TryParseGroupVersion(target.ApiVersion, out var group, out var version))
        {
            await DiscoverAsync(group, version, cancellationToken).ConfigureAwait(false);
        }

        return GroupVersionKindResourceParser.TryParse(target.ApiVersion, target.Kind, Lookup, out var gvkr, out var error)
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

    private string? Lookup(string group, string version, string kind) =>
        _discovery.TryGetValue($"{group}/{version}", out var kinds) && kinds is not null && kinds.TryGetValue(kind, out var resource) ? resource : null;

    private async Task DiscoverAsync(string group, string version, CancellationToken cancellationToken)
    {
        var key = $"{group}/{version}";
        if (_discovery.TryGetValue(key, out var known) && known is not null)
        {
            return;
        }

        if (client is not k8s.Kubernetes concrete)
        {
            return;
        }

        var path = string.IsNullOrEmpty(group) ? $"api/{version}" : $"apis/{group}/{version}";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(concrete.BaseUri, path));
        if (concrete.Credentials is not null)
        {
            await concrete.Credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var response = await concrete.HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            _discovery[key] = null;
            return;
        }

        var list = KubernetesJson.Deserialize<V1APIResourceList>(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        _discovery[key] = list.Resources.Where(r => !r.Name.Contains('/', StringComparison.Ordinal))
            .GroupBy(r => r.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
    }
}
