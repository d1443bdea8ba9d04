using System.Collections.Concurrent;
using System.Net;
using k8s;
using k8s.Models;
using Operator.Api;
using Operator.Hosting;

namespace Operator.Resolution;

/// <summary>
/// KEDA's RESTMapper for scale targets: kind → plural resource from API discovery (<c>/api/v1</c>,
/// <c>/apis/{group}/{version}</c>), cached per group/version. A kind missing from the cached list is looked up again
/// (a CRD installed since), at most once per <see cref="OperatorDefaults.DiscoveryMissRefresh"/> per group/version,
/// as client-go's deferred discovery mapper resets on a no-match. Built-in workload kinds answer without a request.
/// One mapper for the operator (its informers and scale client) and <c>validate --kubeconfig</c>.
/// </summary>
internal sealed class ResourceDiscovery(IKubernetes client, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Served> _served = new(StringComparer.Ordinal);

    /// <summary>The plural resource of a kind from what is cached (no request); null when it is not known (yet).</summary>
    public string? Find(string group, string version, string kind) =>
        BuiltInResources.Find(group, kind)
        ?? (_served.TryGetValue(Key(group, version), out var served) && served.Kinds.TryGetValue(kind, out var resource) ? resource : null);

    /// <summary>
    /// Makes the kind of a scale target known to <see cref="Find"/>: discovers its group/version when it is not
    /// cached or the kind is missing from it. Deployment/StatefulSet and unparsable apiVersions need no discovery.
    /// Throws when the API server fails (the caller's work queue retries).
    /// </summary>
    public async Task DiscoverAsync(string? apiVersion, string? kind, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind) || kind is "Deployment" or "StatefulSet"
            || !GroupVersionKindResourceParser.TryParseGroupVersion(apiVersion, out var group, out var version)
            || Find(group, version, kind) is not null)
        {
            return;
        }

        var key = Key(group, version);
        if (_served.TryGetValue(key, out var known) && time.GetElapsedTime(known.FetchedAt) < OperatorDefaults.DiscoveryMissRefresh)
        {
            return;
        }

        _served[key] = new Served(await FetchAsync(group, version, cancellationToken).ConfigureAwait(false), time.GetTimestamp());
    }

    private static string Key(string group, string version) => $"{group}/{version}";

    private async Task<IReadOnlyDictionary<string, string>> FetchAsync(string group, string version, CancellationToken cancellationToken)
    {
        if (client is not k8s.Kubernetes concrete)
        {
            return new Dictionary<string, string>();
        }

        var path = string.IsNullOrEmpty(group) ? $"api/{version}" : $"apis/{group}/{version}";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(concrete.BaseUri, path));
        if (concrete.Credentials is not null)
        {
            await concrete.Credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var response = await concrete.HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            // The group/version is not served: every kind in it is a no-match until a refresh finds it.
            return new Dictionary<string, string>();
        }

        response.EnsureSuccessStatusCode();
        var list = KubernetesJson.Deserialize<V1APIResourceList>(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return (list.Resources ?? []).Where(r => !r.Name.Contains('/', StringComparison.Ordinal))
            .GroupBy(r => r.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
    }

    private sealed record Served(IReadOnlyDictionary<string, string> Kinds, long FetchedAt);
}
